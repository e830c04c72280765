-- 容缺受理: a required, non-key material the applicant committed to supply later, by a date. The case is accepted
-- without it; the grant (which issues the licence) waits for it; reminders go out before the date; after it,
-- the matter's rule suspends or terminates the case (see docs/casework.md).
create table case_deferred_material (
    id               bigint generated always as identity primary key,
    case_id          bigint        not null references case_file (id),
    requirement_code varchar(40)   not null,
    material_name    varchar(200)  not null,
    due_on           date          not null,
    committed_at     timestamptz   not null,
    committed_by     varchar(100)  not null,
    supplied_at      timestamptz,
    supplied_by      varchar(100),
    reminded_on      date,
    overdue_on       date,
    overdue_action   varchar(16)   check (overdue_action in ('SUSPEND', 'TERMINATE')),
    clock_stopped    boolean       not null default false,
    unique (case_id, requirement_code)
);
-- the daily job reads what is still missing
create index case_deferred_material_open_idx on case_deferred_material (due_on) where supplied_at is null;
