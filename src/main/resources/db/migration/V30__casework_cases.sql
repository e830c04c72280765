-- 办件: cases, their append-only timeline, submitted materials and idempotent submissions.

create sequence case_number_seq;

create table case_file (
    id                  bigserial    primary key,
    case_number         varchar(40)  not null unique,
    matter_id           bigint       not null,
    matter_version_id   bigint       not null,
    matter_name         varchar(200) not null,
    region_id           bigint       not null,
    department_id       bigint       not null,
    applicant_account_id bigint,
    applicant_kind      varchar(20)  not null check (applicant_kind in ('PERSON', 'ENTERPRISE')),
    applicant_name      varchar(120) not null,
    applicant_identifier varchar(18) not null,
    applicant_phone     varchar(20),
    channel             varchar(20)  not null check (channel in ('ONLINE', 'WINDOW')),
    intake_staff        varchar(40),
    status              varchar(30)  not null,
    current_step        varchar(40),
    candidate_role      varchar(30),
    assignee            varchar(40),
    process_instance_id varchar(64),
    submitted_at        timestamptz  not null,
    accepted_on         date,
    promised_days       int          not null,
    legal_days          int          not null,
    paused_days         int          not null default 0,
    paused_since        date,
    extension_days      int          not null default 0,
    promised_due        date,
    legal_due           date,
    decided_on          date,
    concluded_on        date,
    delivery_method     varchar(20),
    licence_id          varchar(40),
    decision_document_id varchar(40),
    overdue             boolean      not null default false,
    version             int          not null default 0
);
create index case_file_worklist_idx on case_file (region_id, candidate_role, promised_due) where concluded_on is null;
create index case_file_applicant_idx on case_file (applicant_account_id, submitted_at desc);
create index case_file_status_idx on case_file (status);

create table case_event (
    id          bigserial    primary key,
    case_id     bigint       not null references case_file (id),
    at          timestamptz  not null,
    actor       varchar(60)  not null,
    acting_for  varchar(60),
    kind        varchar(40)  not null,
    status      varchar(30)  not null,
    reason      varchar(2000),
    detail      jsonb
);
create index case_event_case_idx on case_event (case_id, id);

create table case_material (
    id               bigserial    primary key,
    case_id          bigint       not null references case_file (id),
    requirement_code varchar(40)  not null,
    file_name        varchar(200) not null,
    content_type     varchar(100) not null,
    size_bytes       bigint       not null,
    sm3              char(64)     not null,
    content          bytea        not null,
    uploaded_at      timestamptz  not null,
    uploaded_by      varchar(60)  not null,
    superseded_at    timestamptz
);
create index case_material_case_idx on case_material (case_id);

-- 一次性告知: the deficiencies of one correction request
create table case_deficiency (
    id               bigserial    primary key,
    case_id          bigint       not null references case_file (id),
    event_id         bigint       not null references case_event (id),
    requirement_code varchar(40),
    description      varchar(1000) not null,
    resolved_at      timestamptz
);

create table idempotent_submission (
    idempotency_key varchar(100) not null,
    account_id      bigint       not null,
    request_hash    char(64)     not null,
    case_id         bigint,
    created_at      timestamptz  not null,
    primary key (account_id, idempotency_key)
);

-- History is append-only.
create function case_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_event is append-only' using errcode = '23001';
end $$;
create trigger case_event_no_update before update or delete on case_event
    for each row execute function case_event_append_only();
