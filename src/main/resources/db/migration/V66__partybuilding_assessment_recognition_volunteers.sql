-- 党建 (see docs/partybuilding.md), issue 8: monthly assessment of members (考核) and its notice (考核通报), year-end
-- duty and integrity reports (述职述廉), commendations (表彰), external honours (外部荣誉), vanguard posts at the hall's
-- service windows (党员先锋岗; the window is identity's org unit, referenced by id only), and volunteer duty
-- (志愿服务): rosters, their shifts, members on duty and their sign-in.

-- one grade per member and month (month = its first day), recorded by the branch the member belonged to
create table party_assessment (
    id            bigint generated always as identity primary key,
    month         date          not null check (extract(day from month) = 1),
    member_id     bigint        not null references party_member (id),
    org_id        bigint        not null references party_org (id),
    grade         varchar(10)   not null check (grade in ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
    comment       varchar(200),
    recorded_by   varchar(40)   not null,
    recorded_at   timestamptz   not null,
    changed_by    varchar(40),
    changed_at    timestamptz,
    unique (member_id, month),
    check (grade in ('GOOD', 'FAIR') or comment is not null)
);
create index party_assessment_month_idx on party_assessment (month, org_id);

-- a published notice freezes its month's grades
create table party_assessment_notice (
    month         date          primary key check (extract(day from month) = 1),
    committee_id  bigint        not null references party_org (id),
    published_on  date          not null,
    published_by  varchar(40)   not null,
    published_at  timestamptz   not null
);

create table party_duty_report (
    id              bigint generated always as identity primary key,
    member_id       bigint        not null references party_member (id),
    year            integer       not null check (year between 2000 and 2100),
    text            text          not null check (length(text) between 1 and 20000),
    attachment_name varchar(200),
    attachment      bytea,
    submitted_by    varchar(40)   not null,
    own             boolean       not null,
    submitted_at    timestamptz   not null,
    unique (member_id, year),
    check ((attachment_name is null) = (attachment is null))
);

create table party_commendation (
    id            bigint generated always as identity primary key,
    kind          varchar(32)   not null check (kind in ('ADVANCED_BRANCH', 'VANGUARD_POST', 'OUTSTANDING_PARTY_WORKER',
                                                           'OUTSTANDING_MEMBER')),
    year          integer       not null check (year between 2000 and 2100),
    awarded_on    date          not null,
    awarding_body varchar(100)  not null,
    document_no   varchar(60)   not null,
    org_id        bigint        references party_org (id),
    member_id     bigint        references party_member (id),
    window_id     bigint,
    recorded_by   varchar(40)   not null,
    recorded_at   timestamptz   not null,
    check (kind = 'ADVANCED_BRANCH' and org_id is not null and member_id is null and window_id is null
        or kind = 'VANGUARD_POST' and org_id is null and member_id is not null and window_id is not null
        or kind in ('OUTSTANDING_PARTY_WORKER', 'OUTSTANDING_MEMBER') and org_id is null and member_id is not null
            and window_id is null)
);
create unique index party_commendation_once_idx
    on party_commendation (kind, year, coalesce(org_id, 0), coalesce(member_id, 0), coalesce(window_id, 0));
create index party_commendation_day_idx on party_commendation (awarded_on);

create table party_external_honour (
    id            bigint generated always as identity primary key,
    member_id     bigint        references party_member (id),
    org_id        bigint        references party_org (id),
    honour        varchar(100)  not null,
    level         varchar(12)   not null check (level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY')),
    awarding_body varchar(100)  not null,
    received_on   date          not null,
    recorded_by   varchar(40)   not null,
    recorded_at   timestamptz   not null,
    check ((member_id is null) <> (org_id is null))
);
create unique index party_external_honour_once_idx
    on party_external_honour (coalesce(member_id, 0), coalesce(org_id, 0), honour, received_on);
create index party_external_honour_day_idx on party_external_honour (received_on);

-- a service window marked as a vanguard post, held by a member from a day (until a day); one holder at a time
create table party_vanguard_post (
    id            bigint generated always as identity primary key,
    window_id     bigint        not null,
    member_id     bigint        not null references party_member (id),
    since         date          not null,
    until         date,
    recorded_by   varchar(40)   not null,
    recorded_at   timestamptz   not null,
    check (until is null or until >= since)
);
create unique index party_vanguard_post_open_idx on party_vanguard_post (window_id) where until is null;

create table party_volunteer_roster (
    id            bigint generated always as identity primary key,
    org_id        bigint        not null references party_org (id),
    place         varchar(100)  not null,
    place_kind    varchar(12)   not null check (place_kind in ('HALL', 'COMMUNITY', 'OTHER')),
    starts_on     date          not null,
    ends_on       date          not null,
    created_by    varchar(40)   not null,
    created_at    timestamptz   not null,
    check (ends_on >= starts_on)
);
create index party_volunteer_roster_org_idx on party_volunteer_roster (org_id);

-- the shifts of each day of a roster (e.g. morning, afternoon, evening), within one day
create table party_volunteer_shift (
    id            bigint generated always as identity primary key,
    roster_id     bigint        not null references party_volunteer_roster (id),
    name          varchar(20)   not null,
    starts_at     time          not null,
    ends_at       time          not null,
    check (ends_at > starts_at),
    unique (roster_id, name)
);

-- a member on a shift on a day; signed in by the member (within the shift ± 30 minutes) or, when they missed it,
-- recorded by staff with a reason
create table party_volunteer_duty (
    id            bigint generated always as identity primary key,
    shift_id      bigint        not null references party_volunteer_shift (id),
    day           date          not null,
    member_id     bigint        not null references party_member (id),
    assigned_by   varchar(40)   not null,
    assigned_at   timestamptz   not null,
    signed_in_at  timestamptz,
    signed_in_by  varchar(40),
    reason        varchar(200),
    unique (shift_id, day, member_id),
    check ((signed_in_at is null) = (signed_in_by is null))
);
create index party_volunteer_duty_member_idx on party_volunteer_duty (member_id, day);
create index party_volunteer_duty_day_idx on party_volunteer_duty (day);
