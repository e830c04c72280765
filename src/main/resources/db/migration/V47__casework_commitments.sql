-- 告知承诺制 (see docs/casework.md): the notice an applicant signed instead of proving, the check that follows
-- the decision, and the credit records that close the route to those who committed falsely.

-- the signed notice, exactly as shown (its version names the matter version and the notice template)
create table case_commitment (
    case_id              bigint        primary key references case_file (id),
    notice_version       varchar(80)   not null,
    notice_text          text          not null,
    notice_sm3           char(64)      not null,
    waived_codes         varchar(400)  not null,
    signed_at            timestamptz   not null,
    signed_by            varchar(100)  not null
);

-- 事中事后核查 of a commitment, created when the case is granted
create table commitment_verification (
    id               bigint generated always as identity primary key,
    case_id          bigint        not null unique references case_file (id),
    region_id        bigint        not null,
    method           varchar(16)   not null check (method in ('DATA_CHECK', 'ONSITE', 'SAMPLE')),
    sample_percent   int           not null check (sample_percent between 1 and 100),
    due_on           date          not null,
    state            varchar(16)   not null check (state in ('OPEN', 'NOT_SAMPLED', 'PASSED', 'FAILED')),
    created_at       timestamptz   not null,
    findings         varchar(2000),
    consequence      varchar(20)   check (consequence in ('CORRECTION_ORDER', 'REVOKE', 'TERMINATE')),
    correction_due   date,
    concluded_at     timestamptz,
    concluded_by     varchar(100)
);
create index commitment_verification_open_idx on commitment_verification (region_id, due_on) where state = 'OPEN';

-- 信用记录 that bar the commitment route: a false commitment found by a verification, or a serious
-- dishonesty record received from the credit platform
create table credit_record (
    id                  bigint generated always as identity primary key,
    subject_identifier  varchar(40)   not null,
    kind                varchar(24)   not null check (kind in ('FALSE_COMMITMENT', 'SERIOUS_DISHONESTY')),
    reason              varchar(1000) not null,
    case_id             bigint,
    recorded_at         timestamptz   not null,
    recorded_by         varchar(100)  not null
);
create index credit_record_subject_idx on credit_record (subject_identifier);
