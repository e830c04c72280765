-- 党建, five-level study (五学联动, see docs/partybuilding.md): study sessions of the party group's central study group
-- (理论学习中心组), the organ committee (督学), branches, cells (读书研讨) and individual study, with attendance; reading
-- lists with their receipts; study reflections (学习心得); external study points (学习强国) imported per month; study
-- activities (visits, exhibitions, competitions, field study 践学) with participants.

create table party_study_session (
    id                 bigint generated always as identity primary key,
    org_id             bigint        not null references party_org (id),
    level              varchar(12)   not null check (level in ('GROUP', 'COMMITTEE', 'BRANCH', 'CELL', 'INDIVIDUAL')),
    kind               varchar(12)   not null check (kind in ('SESSION', 'DISCUSSION')),
    held_on            date          not null,
    topic              varchar(200)  not null check (length(btrim(topic)) > 0),
    documents          text          not null default '',  -- the documents studied, one per line
    first_agenda_item  boolean       not null default false, -- 第一议题: the latest central documents studied first
    guest_speakers     varchar(200),                          -- speakers from outside the party organisation
    supervised_org_id  bigint        references party_org (id), -- 督学: the branch whose study the committee supervised
    notes              varchar(2000),
    recorded_by        varchar(40)   not null,
    recorded_at        timestamptz   not null,
    check (supervised_org_id is null or level = 'COMMITTEE'),
    check (level <> 'INDIVIDUAL' or kind = 'SESSION')
);
create index party_study_session_org_idx on party_study_session (org_id, held_on);
create index party_study_session_level_idx on party_study_session (level, held_on);

-- who took part; invited = 列席 (not a member of the party group / organ committee that day); spoke = gave a talk
create table party_study_attendance (
    session_id  bigint   not null references party_study_session (id) on delete cascade,
    member_id   bigint   not null references party_member (id),
    invited     boolean  not null default false,
    spoke       boolean  not null default false,
    primary key (session_id, member_id)
);
create index party_study_attendance_member_idx on party_study_attendance (member_id);

create table party_reading_list (
    id           bigint generated always as identity primary key,
    org_id       bigint        not null references party_org (id),
    title        varchar(100)  not null,
    issued_on    date          not null,
    titles       text          not null,  -- the books and documents, one per line
    recorded_by  varchar(40)   not null,
    recorded_at  timestamptz   not null
);
create index party_reading_list_org_idx on party_reading_list (org_id, issued_on);

-- one row per member the list was handed to; confirmed by the member, or by the party-affairs worker from a paper receipt
create table party_reading_receipt (
    list_id       bigint       not null references party_reading_list (id) on delete cascade,
    member_id     bigint       not null references party_member (id),
    confirmed_at  timestamptz,
    confirmed_by  varchar(40),
    by_member     boolean,
    primary key (list_id, member_id),
    check ((confirmed_at is null) = (confirmed_by is null) and (confirmed_at is null) = (by_member is null))
);
create index party_reading_receipt_member_idx on party_reading_receipt (member_id);

create table party_reflection (
    id            bigint generated always as identity primary key,
    member_id     bigint         not null references party_member (id),
    written_on    date           not null,
    title         varchar(100)   not null,
    body          varchar(20000) not null,
    by_member     boolean        not null,  -- submitted by the member, or recorded by the party-affairs worker
    recorded_by   varchar(40)    not null,
    recorded_at   timestamptz    not null
);
create index party_reflection_member_idx on party_reflection (member_id, written_on);
create index party_reflection_day_idx on party_reflection (written_on);

-- an import of external study points: all-or-nothing; re-importing a month for an organisation replaces it
create table party_points_import (
    id           bigint generated always as identity primary key,
    org_id       bigint        not null references party_org (id),
    file_name    varchar(200),
    periods      varchar(400)  not null,  -- the months of the file, e.g. 2025-01,2025-02
    row_count    integer       not null,
    replaced     integer       not null,  -- rows of earlier imports it replaced
    imported_by  varchar(40)   not null,
    imported_at  timestamptz   not null
);

-- 学习强国 points of a member for a month (period = the month's first day); one row per member and month
create table party_study_points (
    id          bigint generated always as identity primary key,
    member_id   bigint   not null references party_member (id),
    period      date     not null check (extract(day from period) = 1),
    points      integer  not null check (points >= 0),
    org_id      bigint   not null references party_org (id),
    import_id   bigint   not null references party_points_import (id),
    unique (member_id, period)
);
create index party_study_points_org_idx on party_study_points (org_id, period);

create table party_activity (
    id           bigint generated always as identity primary key,
    org_id       bigint        not null references party_org (id),
    kind         varchar(12)   not null check (kind in ('VISIT', 'EXHIBITION', 'COMPETITION', 'FIELD_STUDY')),
    held_on      date          not null,
    title        varchar(200)  not null,
    place        varchar(100),
    notes        varchar(2000),
    recorded_by  varchar(40)   not null,
    recorded_at  timestamptz   not null
);
create index party_activity_org_idx on party_activity (org_id, held_on);

create table party_activity_participant (
    activity_id  bigint  not null references party_activity (id) on delete cascade,
    member_id    bigint  not null references party_member (id),
    primary key (activity_id, member_id)
);
create index party_activity_participant_member_idx on party_activity_participant (member_id);
