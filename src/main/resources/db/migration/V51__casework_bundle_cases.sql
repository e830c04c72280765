-- 一件事 applications (see docs/casework.md): one application of a bundle makes a master record and one case per
-- member matter (its own department, process and due date), reviewed in parallel.
create table bundle_case (
    id                   bigint generated always as identity primary key,
    bundle_id            bigint        not null,
    bundle_name          varchar(200)  not null,
    applicant_account_id bigint        not null,
    submitted_at         timestamptz   not null
);
create index bundle_case_applicant_idx on bundle_case (applicant_account_id, submitted_at desc);

create table bundle_case_member (
    bundle_case_id bigint not null references bundle_case (id),
    case_id        bigint not null unique references case_file (id),
    sort_order     int    not null,
    primary key (bundle_case_id, case_id)
);
