-- 报告模板: Word templates uploaded by an administrator for the annual report or the monthly bulletin (issue 9).
-- A template is checked when uploaded (every placeholder names a metric or a report field) and stored whole; it is
-- never changed, only deactivated (reports made with it stay explainable from the audit log).
create table report_template (
    id             bigserial     primary key,
    kind           varchar(16)   not null check (kind in ('ANNUAL', 'MONTHLY')),
    name           varchar(60)   not null,
    file_name      varchar(255)  not null,
    content        bytea         not null,
    size_bytes     integer       not null check (size_bytes > 0 and size_bytes <= 5242880),
    -- the distinct placeholders found, as written between the braces, one per line
    placeholders   text          not null,
    uploaded_by    varchar(64)   not null,
    uploaded_at    timestamptz   not null,
    active         boolean       not null default true,
    deactivated_by varchar(64),
    deactivated_at timestamptz,
    check (active = (deactivated_at is null))
);
-- one active template of a name per kind (a deactivated one frees its name)
create unique index report_template_active_name_uk on report_template (kind, name) where active;
create index report_template_kind_idx on report_template (kind, uploaded_at desc);
