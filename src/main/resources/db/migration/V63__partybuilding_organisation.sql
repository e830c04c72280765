-- 党建 (see docs/partybuilding.md): the party organisation tree (党组 → 机关党委 → 党支部 → 党小组/读书研讨小组),
-- members (linked to staff accounts where they are staff), their membership history (joined, transferred in, moved
-- between branches, transferred out) and their party roles (secretary, committee member, party-affairs worker).

create table party_org (
    id            bigint generated always as identity primary key,
    parent_id     bigint        references party_org (id),
    kind          varchar(20)   not null check (kind in ('GROUP', 'ORGAN_COMMITTEE', 'BRANCH', 'CELL')),
    name          varchar(100)  not null,
    founded_on    date          not null,
    dissolved_on  date,
    created_at    timestamptz   not null,
    created_by    varchar(40)   not null,
    check (kind = 'GROUP' and parent_id is null or kind <> 'GROUP' and parent_id is not null),
    check (dissolved_on is null or dissolved_on >= founded_on)
);
create unique index party_org_name_idx on party_org (coalesce(parent_id, 0), name);

create table party_member (
    id            bigint generated always as identity primary key,
    name          varchar(40)   not null,
    account_id    bigint        unique,
    category      varchar(16)   not null check (category in ('FULL', 'PROBATIONARY')),
    joined_party_on date        not null,
    created_at    timestamptz   not null
);

-- one row per stay in an organisation: the open one (until is null) is the member's current organisation
create table party_membership (
    id            bigint generated always as identity primary key,
    member_id     bigint        not null references party_member (id),
    org_id        bigint        not null references party_org (id),
    since         date          not null,
    how_in        varchar(16)   not null check (how_in in ('JOINED', 'TRANSFER_IN', 'MOVED')),
    came_from     varchar(100),
    until         date,
    how_out       varchar(16)   check (how_out in ('TRANSFER_OUT', 'MOVED', 'LEFT')),
    went_to       varchar(100),
    recorded_by   varchar(40)   not null,
    recorded_at   timestamptz   not null,
    check (until is null and how_out is null or until is not null and how_out is not null and until >= since)
);
create unique index party_membership_current_idx on party_membership (member_id) where until is null;
create index party_membership_org_idx on party_membership (org_id, since);

create table party_role (
    id            bigint generated always as identity primary key,
    member_id     bigint        not null references party_member (id),
    org_id        bigint        not null references party_org (id),
    role          varchar(24)   not null check (role in ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER',
                                                          'PARTY_AFFAIRS_WORKER', 'CELL_LEADER')),
    since         date          not null,
    until         date,
    recorded_by   varchar(40)   not null,
    check (until is null or until >= since)
);
create unique index party_role_current_idx on party_role (member_id, org_id, role) where until is null;
create index party_role_org_idx on party_role (org_id) where until is null;
