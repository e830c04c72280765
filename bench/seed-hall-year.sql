-- A year of the service halls (issue 9's benchmark data set): for every day of :year before today (Asia/Shanghai)
-- that the demo's hall schedules serve, each hall's appointment slots made from its schedules (hall_schedule: normal,
-- extended 延时, staggered 错时 at lunch and on weekend mornings, and the city's talent window's holiday service 节假日
-- on non-working days) with their appointments, and the hall's queue tickets (walk-ins and appointment tickets, called
-- at the hall's windows with waiting and service times), in the shapes the platform stores them (docs/hall.md,
-- Appointments, HallQueue):
--   - a busy city: per working day 1,500 tickets and 600 appointments at the city hall (SF-DT), 600/240 at 东湖区
--     (DH-DT), 450/180 at 高新区 (GX-DT), 400/160 at 南溪县 (NX-DT), 350/140 at 北岭县 (BL-DT); weekend mornings
--     (staggered hours) about a tenth of a working day; the talent window's holiday service a few a day;
--   - a working day's appointments: 80 % in normal hours, 10 % extended, 10 % staggered (lunch); each slot's capacity
--     is its share of the day's appointments, 85–100 % of it booked; of the bookings 10 % cancelled (their place freed:
--     not in the slot's booked count), 7 % no-shows, the rest served — each served appointment has its ticket
--     (priority 0, issued up to 20 minutes before its slot);
--   - walk-in tickets fill the day's tickets (60 % before noon), GENERAL (A…) at the general windows, 3 % TALENT (R…)
--     at the talent window where the hall has one; numbered per hall, day and prefix in the order issued (A001 …,
--     A1000 … as the platform numbers them) with the hall's counter row of the day (hall_ticket_counter) at the last
--     number; 3 % absent when called, the rest served; waiting 1–16 minutes (up to 20 more at the morning peak 9–11),
--     appointment tickets 1–6, service 4–19 minutes.
-- Applicants: 5,000 applicant accounts 'hallyear_1' … (no person rows: an appointment needs an account only).
-- Appointment codes 'L0' + 6 digits: the platform's codes have neither 'L' nor '0' (Appointments.CODE_LETTERS), so no
-- later booking can draw one of them. Deterministic (hashes, no random()): the same rows on every run. Refused
-- (nothing written) when the year's hall data is already there (an appointment code 'L0…' exists).
-- Run after the platform's demo data (regions, halls, windows, schedules); after bench/seed-hall.sql the city hall has
-- 20 general windows to spread its tickets over, else its two.
-- psql -v year=2025 -f bench/seed-hall-year.sql
\set ON_ERROR_STOP on
\if :{?year}
\else
\set year 2025
\endif
select exists (select 1 from oneseal.appointment where code like 'L0%') as hall_year_seeded \gset
\if :hall_year_seeded
\echo bench/seed-hall-year.sql: hall data of the year already there, nothing done
\quit
\endif
begin;

-- the halls with their day's volumes (working days)
create temporary table seed_hall as
    select u.id as hall_id, u.code, u.region_id, v.tickets, v.appointments
    from (values ('SF-DT', 1500, 600), ('DH-DT', 600, 240), ('GX-DT', 450, 180), ('NX-DT', 400, 160),
                 ('BL-DT', 350, 140)) v (code, tickets, appointments)
    join oneseal.org_unit u on u.code = v.code and u.kind = 'SERVICE_HALL';
do $$ begin
    if (select count(*) from seed_hall) <> 5 then raise exception 'bench/seed-hall-year.sql: the demo''s five halls are not all there'; end if;
    if not exists (select 1 from oneseal.hall_schedule s join seed_hall h on h.hall_id = s.hall_id where s.active) then
        raise exception 'bench/seed-hall-year.sql: the halls have no schedules (the demo profile makes them)';
    end if;
end $$;

-- the days of the year up to yesterday, as the working-day calendar sees them (calendar_day: holidays, make-up days)
create temporary table seed_day as
    select d::date as day,
           (extract(isodow from d) < 6 and coalesce(c.kind, '') <> 'HOLIDAY') or coalesce(c.kind, '') = 'MAKEUP_WORKDAY' as working,
           extract(isodow from d) >= 6 and c.kind is null as weekend,
           coalesce(c.kind, '') = 'HOLIDAY' as holiday
    from generate_series((:'year' || '-01-01')::date, (:'year' || '-12-31')::date, interval '1 day') d
    left join oneseal.calendar_day c on c.date = d::date
    where d::date < (now() at time zone 'Asia/Shanghai')::date;

-- the windows that call each group: GENERAL at general windows without another group, other groups where set
create temporary table seed_window as
    select h.hall_id, coalesce(g.group_code, 'GENERAL') as group_code,
           array_agg(w.id order by w.id) as windows
    from seed_hall h
    join oneseal.org_unit w on w.parent_id = h.hall_id and w.kind = 'WINDOW' and w.active
    left join oneseal.hall_window_group g on g.window_id = w.id
    where g.group_code is not null or w.window_kind = 'GENERAL'
    group by h.hall_id, coalesce(g.group_code, 'GENERAL');

-- the schedules, with their share of a day's appointments spread over their slots
create temporary table seed_schedule as
    select s.id as schedule_id, s.hall_id, s.group_code, s.matter_id, s.kind, s.days, s.starts, s.ends, s.slot_minutes,
           h.appointments,
           (extract(epoch from s.ends - s.starts) / 60 / s.slot_minutes)::int as slots
    from oneseal.hall_schedule s join seed_hall h on h.hall_id = s.hall_id
    where s.active;
-- the general windows' working day: normal hours 80 %, extended 10 %, staggered 10 % (each kind over all its slots of
-- the day); weekend mornings a tenth of a working day's appointments; a special window's group (the city's talent
-- window) 4 places a slot in normal hours, 3 in its holiday service
create temporary table seed_capacity as
    select s.*,
           case when s.group_code <> 'GENERAL' then case s.kind when 'NORMAL' then 4 else 3 end
                when s.days = 'WORKING' then greatest(1, round(s.appointments
                     * case s.kind when 'NORMAL' then 0.80 else 0.10 end
                     / sum(s.slots) over (partition by s.hall_id, s.group_code, s.kind, s.days)))
                else greatest(1, round(s.appointments * 0.10
                     / sum(s.slots) over (partition by s.hall_id, s.group_code, s.kind, s.days)))
           end::int as capacity
    from seed_schedule s;

-- the slots of each day the schedule serves (Appointments.serves), with how many were booked at all (85–100 %)
create temporary table seed_slot as
    select nextval(pg_get_serial_sequence('oneseal.appointment_slot', 'id')) as id,
           c.schedule_id, c.hall_id, c.group_code, c.matter_id, c.kind, d.day,
           c.starts + make_interval(mins => c.slot_minutes * k) as starts,
           c.starts + make_interval(mins => c.slot_minutes * (k + 1)) as ends,
           c.capacity
    from seed_capacity c
    join seed_day d on case c.days when 'WORKING' then d.working when 'WEEKEND' then d.weekend
                                   when 'HOLIDAY' then d.holiday when 'NON_WORKING' then not d.working else true end
    cross join generate_series(0, c.slots - 1) k;
alter table seed_slot add column bookings int;
update seed_slot set bookings = greatest(1, round(capacity * (85 + abs(hashint8extended(id, 31)) % 16) / 100.0));

-- applicants
insert into oneseal.account (username, password_hash, kind, display_name, enabled, created_at, version)
select 'hallyear_' || g, '{noop}-', 'PERSON', '预约人' || g, true, now(), 0
from generate_series(1, 5000) g
on conflict do nothing;
create temporary table seed_applicant as
    select row_number() over (order by id) - 1 as k, id from oneseal.account where username ~ '^hallyear_[0-9]+$';
create temporary table seed_matter as
    select h.hall_id, array_agg(m.id order by m.id) as matters
    from seed_hall h join oneseal.matter m on m.region_id = h.region_id
    group by h.hall_id;

-- the bookings: 10 % cancelled, 7 % no-shows, the rest served
create temporary table seed_appointment as
    select nextval(pg_get_serial_sequence('oneseal.appointment', 'id')) as id, s.id as slot_id, s.hall_id, s.group_code,
           s.day, s.starts, b,
           case when x.st < 10 then 'CANCELLED' when x.st < 17 then 'NO_SHOW' else 'SERVED' end as state,
           x.h1, x.h2
    from seed_slot s
    cross join generate_series(1, s.bookings) b
    cross join lateral (select abs(hashint8extended(s.id * 1000 + b, 32)) % 100 as st,
                               abs(hashint8extended(s.id * 1000 + b, 33)) as h1,
                               abs(hashint8extended(s.id * 1000 + b, 34)) as h2) x;

insert into oneseal.appointment_slot (id, schedule_id, hall_id, group_code, matter_id, kind, day, starts, ends, capacity,
        booked, open)
overriding system value
select s.id, s.schedule_id, s.hall_id, s.group_code, s.matter_id, s.kind, s.day, s.starts, s.ends, s.capacity,
       coalesce(b.booked, 0), true
from seed_slot s
left join (select slot_id, count(*) as booked from seed_appointment where state <> 'CANCELLED' group by slot_id) b
       on b.slot_id = s.id;

insert into oneseal.appointment (id, slot_id, account_id, matter_id, code, state, booked_at, booked_by, changed_from,
        cancelled_at, reminded_at)
overriding system value
select a.id, a.slot_id,
       ap.id,
       case when a.h2 % 10 < 6 then m.matters[1 + a.h2 % array_length(m.matters, 1)] end,
       'L0' || lpad(row_number() over (order by a.id)::text, 6, '0'),
       a.state,
       -- booked 1–10 days ahead, in the daytime; a fifth by the hall's staff for the applicant (代为预约)
       ((a.day - (1 + a.h1 % 10)::int) + make_interval(hours => 8 + (a.h2 % 13)::int, mins => (a.h1 % 60)::int))
           at time zone 'Asia/Shanghai',
       case when a.h2 % 5 = 0 then 'window01' end,
       null,
       case when a.state = 'CANCELLED' then ((a.day - (a.h2 % 2)::int) + make_interval(hours => 7 + (a.h1 % 10)::int))
           at time zone 'Asia/Shanghai' end,
       case when a.state <> 'CANCELLED' or a.h2 % 2 = 0 then ((a.day - 1) + time '18:00') at time zone 'Asia/Shanghai' end
from seed_appointment a
join seed_applicant ap on ap.k = a.h1 % (select count(*) from seed_applicant)
left join seed_matter m on m.hall_id = a.hall_id;

-- the tickets: each served appointment's, then walk-ins up to the day's number
create temporary table seed_ticket (
    hall_id bigint, day date, group_code varchar(20), appointment_id bigint, priority int, issued_at timestamptz,
    h bigint, seq bigint);
insert into seed_ticket
select a.hall_id, a.day, a.group_code, a.id, 0,
       ((a.day + a.starts) - make_interval(mins => (a.h2 % 20)::int, secs => (a.h1 % 60)::int)) at time zone 'Asia/Shanghai',
       a.h1 # a.h2, a.id
from seed_appointment a where a.state = 'SERVED';

insert into seed_ticket
select w.hall_id, w.day,
       case when x.h % 100 < 3 and t.windows is not null then 'TALENT' else 'GENERAL' end,
       null, 1,
       -- 60 % before noon (08:45–12:00), the rest 13:30–17:00; weekend mornings only
       case when x.h % 100 < 60 or not w.working then (w.day + time '08:45' + make_interval(secs => (x.h / 100 % 11700)::int))
            else (w.day + time '13:30' + make_interval(secs => (x.h / 100 % 12600)::int)) end at time zone 'Asia/Shanghai',
       x.h, g
from (select h.hall_id, d.day, d.working,
             greatest(0, case when d.working then h.tickets when d.weekend then h.tickets / 10 else 0 end
                         - coalesce(s.served, 0)) as walk_ins
      from seed_hall h cross join seed_day d
      left join (select hall_id, day, count(*) as served from seed_appointment where state = 'SERVED'
                 group by hall_id, day) s on s.hall_id = h.hall_id and s.day = d.day) w
left join seed_window t on t.hall_id = w.hall_id and t.group_code = 'TALENT'
cross join generate_series(1, w.walk_ins) g
cross join lateral (select abs(hashint8extended(w.hall_id * 100000000 + (w.day - date '2000-01-01') * 10000 + g, 35)) as h) x;
-- the talent window's holiday service: a few appointments, a few walk-ins (non-working days; weekend mornings are
-- the general windows' staggered hours above)
insert into seed_ticket
select t.hall_id, d.day, 'TALENT', null, 1,
       (d.day + time '09:00' + make_interval(secs => (x.h % 28800)::int)) at time zone 'Asia/Shanghai', x.h, g
from seed_window t
join seed_day d on not d.working
cross join generate_series(1, 4) g
cross join lateral (select abs(hashint8extended(t.hall_id * 100000000 + (d.day - date '2000-01-01') * 10000 + g, 36)) as h) x
where t.group_code = 'TALENT';

insert into oneseal.queue_ticket (hall_id, day, number, group_code, appointment_id, priority, state, issued_at,
        called_at, window_id, called_by, finished_at, transferred_from)
select t.hall_id, t.day, t.prefix || lpad(t.rn::text, greatest(3, length(t.rn::text)), '0'), t.group_code,
       t.appointment_id, t.priority,
       case when t.absent then 'ABSENT' else 'DONE' end,
       t.issued_at,
       t.issued_at + w.wait,
       win.windows[1 + (t.h / 7) % array_length(win.windows, 1)],
       case when h.code = 'SF-DT' then 'window01' when h.code = 'NX-DT' then 'nanxi_window' else lower(h.code) || '_window' end,
       t.issued_at + w.wait + case when t.absent then interval '2 minutes'
                                   else make_interval(mins => (4 + (t.h / 13) % 16)::int, secs => ((t.h / 17) % 60)::int) end,
       null
from (select t.*, t.appointment_id is null and t.h % 100 < 3 as absent,
             row_number() over (partition by t.hall_id, t.day, t.prefix order by t.issued_at, t.seq) as rn
      from (select t.*, case t.group_code when 'GENERAL' then 'A' when 'TALENT' then 'R' else left(t.group_code, 1) end
                        as prefix
            from seed_ticket t) t) t
join seed_hall h on h.hall_id = t.hall_id
join seed_window win on win.hall_id = t.hall_id and win.group_code = t.group_code
cross join lateral (select case when t.priority = 0 then make_interval(mins => (1 + (t.h / 3) % 6)::int, secs => ((t.h / 5) % 60)::int)
                                else make_interval(mins => (1 + (t.h / 3) % 16
                                       + case when extract(hour from t.issued_at at time zone 'Asia/Shanghai') between 9 and 10
                                              then (t.h / 11) % 21 else 0 end)::int, secs => ((t.h / 5) % 60)::int) end as wait) w;

-- the counter rows of those days go on from the last number (as the platform's own would be)
insert into oneseal.hall_ticket_counter as c (hall_id, day, prefix, last_number)
select t.hall_id, t.day, left(t.number, 1), max(cast(substring(t.number from 2) as int))
from oneseal.queue_ticket t join seed_hall h on h.hall_id = t.hall_id join seed_day d on d.day = t.day
where t.number ~ '^[A-Z][0-9]+$'
group by t.hall_id, t.day, left(t.number, 1)
on conflict (hall_id, day, prefix) do update set last_number = greatest(c.last_number, excluded.last_number);

commit;
-- vacuumed as a database in use would be (visibility map for index-only scans; no autovacuum of the
-- seeded tables in the middle of the measurements that follow)
vacuum analyze oneseal.appointment_slot;
vacuum analyze oneseal.appointment;
vacuum analyze oneseal.queue_ticket;
vacuum analyze oneseal.hall_ticket_counter;
