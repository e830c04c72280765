-- 帮办代办 (see docs/casework.md): a staff member handles a matter for an applicant under a recorded mandate — who,
-- for whom, which matter, until when — which the applicant may end at any time. Free of charge; counted.
create table agent_mandate (
    id                    bigint generated always as identity primary key,
    staff                 varchar(40)   not null,
    applicant_account_id  bigint        not null,
    matter_id             bigint        not null,
    region_id             bigint        not null,
    purpose               varchar(200)  not null,
    valid_until           date          not null,
    created_at            timestamptz   not null,
    ended_at              timestamptz,
    ended_by              varchar(40),
    case_id               bigint
);
create index agent_mandate_applicant_idx on agent_mandate (applicant_account_id);
create index agent_mandate_staff_idx on agent_mandate (staff);
