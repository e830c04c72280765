-- Ticket machines (取号机) are registered devices: a hall's staff enrol a machine, which then holds a secret cookie;
-- only enrolled, unrevoked machines issue tickets, each within a per-minute limit. Ticket numbers come from one
-- counter row per hall, day and prefix (instead of counting the day's tickets under a lock of the whole hall).

create table hall_kiosk (
    id            bigint generated always as identity primary key,
    hall_id       bigint        not null,
    name          varchar(60)   not null,
    token_hash    varchar(64)   not null unique,
    enrolled_by   varchar(40)   not null,
    enrolled_at   timestamptz   not null,
    last_used_at  timestamptz,
    revoked_by    varchar(40),
    revoked_at    timestamptz
);
create index hall_kiosk_hall_idx on hall_kiosk (hall_id);

alter table queue_ticket add column kiosk_id bigint references hall_kiosk (id);
create index queue_ticket_kiosk_idx on queue_ticket (kiosk_id, issued_at) where kiosk_id is not null;

create table hall_ticket_counter (
    hall_id      bigint       not null,
    day          date         not null,
    prefix       varchar(4)   not null,
    last_number  int          not null,
    primary key (hall_id, day, prefix)
);

-- today's numbers go on from where they are
insert into hall_ticket_counter (hall_id, day, prefix, last_number)
select hall_id, day, left(number, 1), max(cast(substring(number from 2) as int))
from queue_ticket where number ~ '^[A-Z][0-9]+$' group by hall_id, day, left(number, 1);
