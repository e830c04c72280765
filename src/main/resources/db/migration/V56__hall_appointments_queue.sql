-- The service hall (see docs/hall.md): which window serves which group, service hours per hall, window group and
-- matter (normal, extended 延时, staggered 错时, holiday), the appointment slots made from them, appointments, and the
-- queue of the day (取号, 叫号, transfer, finish) with its waiting and service times.

-- the group a window serves (a window not listed serves GENERAL if it is a general window)
create table hall_window_group (
    window_id    bigint       primary key,
    group_code   varchar(20)  not null
);

create table hall_schedule (
    id            bigint generated always as identity primary key,
    hall_id       bigint        not null,
    group_code    varchar(20)   not null,
    matter_id     bigint,
    kind          varchar(16)   not null check (kind in ('NORMAL', 'EXTENDED', 'STAGGERED', 'HOLIDAY')),
    days          varchar(16)   not null check (days in ('WORKING', 'WEEKEND', 'HOLIDAY', 'NON_WORKING', 'EVERY')),
    starts        time          not null,
    ends          time          not null,
    slot_minutes  int           not null check (slot_minutes between 5 and 240),
    capacity      int           not null check (capacity between 1 and 500),
    active        boolean       not null default true,
    check (ends > starts)
);

create table appointment_slot (
    id            bigint generated always as identity primary key,
    schedule_id   bigint        not null references hall_schedule (id),
    hall_id       bigint        not null,
    group_code    varchar(20)   not null,
    matter_id     bigint,
    kind          varchar(16)   not null,
    day           date          not null,
    starts        time          not null,
    ends          time          not null,
    capacity      int           not null,
    booked        int           not null default 0,
    -- the database itself refuses an overbooking, whatever the code does
    check (booked between 0 and capacity),
    unique (schedule_id, day, starts)
);
create index appointment_slot_day_idx on appointment_slot (hall_id, day, starts);

create table appointment (
    id            bigint generated always as identity primary key,
    slot_id       bigint        not null references appointment_slot (id),
    account_id    bigint        not null,
    matter_id     bigint,
    code          varchar(8)    not null unique,
    state         varchar(16)   not null check (state in ('BOOKED', 'CANCELLED', 'ARRIVED', 'NO_SHOW', 'SERVED')),
    booked_at     timestamptz   not null,
    booked_by     varchar(40),
    changed_from  bigint        references appointment (id),
    cancelled_at  timestamptz,
    reminded_at   timestamptz
);
create index appointment_account_idx on appointment (account_id, state);
create index appointment_slot_idx on appointment (slot_id, state);

create table queue_ticket (
    id                bigint generated always as identity primary key,
    hall_id           bigint        not null,
    day               date          not null,
    number            varchar(8)    not null,
    group_code        varchar(20)   not null,
    appointment_id    bigint        references appointment (id),
    priority          int           not null,
    state             varchar(16)   not null check (state in ('WAITING', 'CALLED', 'DONE', 'ABSENT')),
    issued_at         timestamptz   not null,
    called_at         timestamptz,
    window_id         bigint,
    called_by         varchar(40),
    finished_at       timestamptz,
    transferred_from  bigint        references queue_ticket (id),
    unique (hall_id, day, number)
);
create index queue_waiting_idx on queue_ticket (hall_id, day, group_code, priority, id) where state = 'WAITING';
create index queue_window_idx on queue_ticket (window_id, state) where state = 'CALLED';
