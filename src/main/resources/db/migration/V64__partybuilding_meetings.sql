-- 党建, 三会一课 and organisational life (see docs/partybuilding.md): the meetings of a branch (or of one of its cells)
-- with their attendance and attachments, and the rectification lists (整改清单) that an organisational life meeting,
-- a democratic appraisal or an inspection produces: items with owner, deadline, evidence and an append-only history.

create table party_meeting (
    id                   bigint generated always as identity primary key,
    branch_id            bigint        not null references party_org (id),
    cell_id              bigint        references party_org (id),
    kind                 varchar(32)   not null check (kind in ('BRANCH_GENERAL_MEETING', 'BRANCH_COMMITTEE_MEETING',
                             'CELL_MEETING', 'PARTY_LESSON', 'THEMED_PARTY_DAY', 'ORGANISATIONAL_LIFE_MEETING',
                             'DEMOCRATIC_APPRAISAL', 'HEART_TO_HEART_TALK', 'DUAL_ORGANISATIONAL_LIFE')),
    held_on              date          not null,
    topic                varchar(200)  not null,
    first_agenda_item    boolean       not null default false,
    first_agenda_topic   varchar(200),
    -- a party lesson's speaker: a member of the bureau's party organisation, or a guest named in words
    speaker_id           bigint        references party_member (id),
    speaker_name         varchar(40),
    -- the organisation whose secretary the speaker was on the day (书记讲党课), if any
    speaker_secretary_of bigint        references party_org (id),
    -- dual organisational life (双重组织生活): the leader taking part as an ordinary member
    leader_id            bigint        references party_member (id),
    minutes              text,
    recorded_by          varchar(40)   not null,
    recorded_at          timestamptz   not null,
    check ((kind = 'CELL_MEETING') = (cell_id is not null)),
    check (kind = 'PARTY_LESSON' and (speaker_id is not null or speaker_name is not null)
        or kind <> 'PARTY_LESSON' and speaker_id is null and speaker_name is null and speaker_secretary_of is null),
    check ((kind = 'DUAL_ORGANISATIONAL_LIFE') = (leader_id is not null)),
    check (first_agenda_item = (first_agenda_topic is not null))
);
create index party_meeting_branch_idx on party_meeting (branch_id, held_on);

-- who attended (present) and who was excused (absent, with the reason)
create table party_meeting_attendance (
    meeting_id      bigint        not null references party_meeting (id),
    member_id       bigint        not null references party_member (id),
    present         boolean       not null,
    absence_reason  varchar(200),
    primary key (meeting_id, member_id),
    check (present and absence_reason is null or not present and absence_reason is not null)
);
create index party_meeting_attendance_member_idx on party_meeting_attendance (member_id) where present;

create table party_rectification_list (
    id               bigint generated always as identity primary key,
    branch_id        bigint        not null references party_org (id),
    -- from a meeting of the branch (organisational life meeting, democratic appraisal) or from an inspection
    meeting_id       bigint        references party_meeting (id),
    inspected_on     date,
    inspecting_body  varchar(100),
    title            varchar(200)  not null,
    -- the meeting's or the inspection's date: deadlines in working days count from it
    base_date        date          not null,
    created_by       varchar(40)   not null,
    created_at       timestamptz   not null,
    check (meeting_id is not null and inspected_on is null and inspecting_body is null
        or meeting_id is null and inspected_on is not null and inspecting_body is not null)
);
create index party_rectification_list_branch_idx on party_rectification_list (branch_id);

create table party_rectification_item (
    id             bigint generated always as identity primary key,
    list_id        bigint        not null references party_rectification_list (id),
    problem        varchar(500)  not null,
    measure        varchar(500)  not null,
    owner_id       bigint        not null references party_member (id),
    deadline       date          not null,
    working_days   integer       check (working_days between 1 and 250),
    status         varchar(8)    not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    evidence       text,
    closed_on      date,
    closed_by      varchar(40),
    -- marked by the deadline job: reminded before the deadline, overdue after it
    reminded_on    date,
    overdue_since  date,
    created_by     varchar(40)   not null,
    created_at     timestamptz   not null,
    check (status = 'OPEN' and closed_on is null
        or status = 'DONE' and closed_on is not null and evidence is not null)
);
create index party_rectification_item_list_idx on party_rectification_item (list_id);
create index party_rectification_item_owner_idx on party_rectification_item (owner_id);
create index party_rectification_item_open_idx on party_rectification_item (deadline) where status = 'OPEN';

create table party_rectification_event (
    id        bigint generated always as identity primary key,
    item_id   bigint        not null references party_rectification_item (id),
    kind      varchar(16)   not null check (kind in ('CREATED', 'EVIDENCE', 'REMINDED', 'OVERDUE', 'CLOSED')),
    note      text,
    actor     varchar(40),
    at        timestamptz   not null
);
create index party_rectification_event_idx on party_rectification_event (item_id, id);
create trigger party_rectification_event_no_update before update or delete on party_rectification_event
    for each row execute function history_append_only();

-- attachments of meetings (minutes, photos, sign-in sheets) and evidence of rectification items, in the database
create table party_file (
    id            bigint generated always as identity primary key,
    meeting_id    bigint        references party_meeting (id),
    item_id       bigint        references party_rectification_item (id),
    file_name     varchar(200)  not null,
    content_type  varchar(100)  not null,
    size_bytes    integer       not null,
    sm3           char(64)      not null,
    content       bytea         not null,
    uploaded_by   varchar(40)   not null,
    uploaded_at   timestamptz   not null,
    check ((meeting_id is null) <> (item_id is null))
);
create index party_file_meeting_idx on party_file (meeting_id) where meeting_id is not null;
create index party_file_item_idx on party_file (item_id) where item_id is not null;
