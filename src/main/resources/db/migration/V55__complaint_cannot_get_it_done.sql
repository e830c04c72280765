-- 办不成事 (see docs/complaints.md): what people could not get done, reported at the window, by QR code or online;
-- routed by ordered rules to a coordinator; chased with the responsible offices; answered, called back, closed.
-- The history of a complaint is append-only (complaint_event); nothing is deleted.

create table complaint_rule (
    id             bigint generated always as identity primary key,
    position       int           not null,
    region_id      bigint,
    department_id  bigint,
    matter_id      bigint,
    category       varchar(32),
    coordinator    varchar(40)   not null,
    active         boolean       not null default true,
    created_at     timestamptz   not null,
    created_by     varchar(40)   not null
);
create index complaint_rule_order_idx on complaint_rule (position, id) where active;

create table complaint (
    id                   bigint generated always as identity primary key,
    tracking_code        varchar(12)   not null unique,
    channel              varchar(16)   not null check (channel in ('WINDOW', 'QR', 'ONLINE')),
    reporter_account_id  bigint,
    reporter_name        varchar(60),
    reporter_phone       varchar(20),
    region_id            bigint        not null,
    department_id        bigint,
    matter_id            bigint,
    category             varchar(32)   not null check (category in ('REFUSED_WITHOUT_BASIS', 'BACK_AND_FORTH',
                             'NO_OFFICE', 'POLICY_CONFLICT', 'MISSING_HISTORIC_DOCUMENTS', 'SYSTEM_FAILURE', 'OTHER')),
    description          varchar(2000) not null,
    state                varchar(16)   not null check (state in ('ASSIGNED', 'UNASSIGNED', 'COORDINATING', 'ANSWERED',
                             'CALLED_BACK', 'CLOSED')),
    kind                 varchar(16)   check (kind in ('CANNOT_BE_DONE', 'SHOULD_BE_DONE', 'HARD')),
    coordinator          varchar(40),
    rule_id              bigint        references complaint_rule (id),
    due_on               date          not null,
    outcome              varchar(16)   check (outcome in ('RESOLVED', 'EXPLAINED')),
    answer               varchar(2000),
    way_forward          varchar(1000),
    answered_at          timestamptz,
    callback_result      varchar(16)   check (callback_result in ('SATISFIED', 'BASICALLY', 'UNSATISFIED', 'UNREACHABLE')),
    callback_note        varchar(500),
    called_back_at       timestamptz,
    closed_at            timestamptz,
    escalated_at         timestamptz,
    received_by          varchar(40),
    received_at          timestamptz   not null
);
create index complaint_region_state_idx on complaint (region_id, state, due_on);
create index complaint_coordinator_idx on complaint (coordinator) where state not in ('CLOSED');
create index complaint_reporter_idx on complaint (reporter_account_id) where reporter_account_id is not null;

-- each responsible office chased, with its own deadline and its reply
create table complaint_chase (
    id            bigint generated always as identity primary key,
    complaint_id  bigint         not null references complaint (id),
    office_id     bigint         not null,
    request       varchar(1000)  not null,
    due_on        date           not null,
    reply         varchar(1000),
    replied_at    timestamptz,
    escalated_at  timestamptz,
    chased_by     varchar(40)    not null,
    chased_at     timestamptz    not null
);
create index complaint_chase_idx on complaint_chase (complaint_id, id);

create table complaint_event (
    id            bigint generated always as identity primary key,
    complaint_id  bigint         not null references complaint (id),
    kind          varchar(24)    not null,
    actor         varchar(40),
    note          varchar(2000),
    at            timestamptz    not null
);
create index complaint_event_idx on complaint_event (complaint_id, id);
