-- The service hall under load (issue 7): the demo city hall (org unit 'SF-DT') gets :windows general windows in all
-- (the demo has two, 'SF-CK01' and 'SF-CK02'; the new ones are 'SF-CK03' …), window01 is made a member of the hall
-- (a staff member may call at their own window or at any window of their hall, HallQueue.myWindow), the hall's queue
-- of today (Asia/Shanghai, the platform's business date) gets :tickets waiting walk-in tickets of the group GENERAL
-- numbered as the platform numbers them (per prefix: A001 … after the A tickets issued today; the hall's counter row
-- of the day, hall_ticket_counter, is moved on past them), and :accounts applicant
-- accounts 'race_1' … are made for the race for the last places of a slot (no person rows: the booking needs an
-- applicant account only).
-- One staff member at each window: besides window01, :windows - 1 window staff of the hall, 'window901' …, copies of
-- window01 (its password and its TOTP secret — the demo secret of a name is made of its letters, and these names
-- have the same letters — its region and role), so that every window is worked in a session of its own as in a real
-- hall (every signed-in request writes its session's row: one session shared by 20 windows would add waits for that
-- one row that a real hall does not have).
-- Idempotent for windows, staff and accounts; tickets are added on every run.
-- Run before the staff sign in: a member's org unit is read at sign-in (window01's version is raised, so that an
-- older session of window01 ends, SessionFreshness).
-- psql -v windows=20 -v tickets=500 -v accounts=300 -f bench/seed-hall.sql
\set ON_ERROR_STOP on
create temporary table seed_hall as
    select id, region_id from oneseal.org_unit where code = 'SF-DT' and kind = 'SERVICE_HALL';
do $$ begin
    if (select count(*) from seed_hall) <> 1 then raise exception 'bench/seed-hall.sql: no service hall SF-DT'; end if;
end $$;

insert into oneseal.org_unit (region_id, parent_id, kind, window_kind, code, name, description, sort_order, active,
        created_at, updated_at, version)
select h.region_id, h.id, 'WINDOW', 'GENERAL', 'SF-CK' || lpad(g::text, 2, '0'), '综合受理' || g || '号窗口',
       '基准测试窗口', g, true, now(), now(), 0
from seed_hall h
cross join generate_series(1, :windows) g
on conflict (code) do nothing;

update oneseal.account set org_unit_id = (select id from seed_hall), version = version + 1
where username = 'window01' and org_unit_id is distinct from (select id from seed_hall);

insert into oneseal.account (username, password_hash, kind, display_name, region_id, org_unit_id, city_wide, enabled,
        totp_secret, totp_confirmed_at, created_at, version)
select 'window' || (900 + g), w.password_hash, 'STAFF', '基准窗口人员' || g, w.region_id, w.org_unit_id, w.city_wide, true,
       w.totp_secret, w.totp_confirmed_at, now(), 0
from oneseal.account w
cross join generate_series(1, :windows - 1) g
where w.username = 'window01'
on conflict do nothing;
insert into oneseal.account_role (account_id, role)
select a.id, r.role
from oneseal.account a
join oneseal.account w on w.username = 'window01'
join oneseal.account_role r on r.account_id = w.id
where a.username ~ '^window9[0-9]{2}$'
on conflict do nothing;

insert into oneseal.queue_ticket (hall_id, day, number, group_code, appointment_id, priority, state, issued_at)
select h.id, d.day, 'A' || lpad((d.issued + g)::text, 3, '0'), 'GENERAL', null, 1, 'WAITING',
       now() - make_interval(secs => :tickets - g)
from seed_hall h
cross join (select (now() at time zone 'Asia/Shanghai')::date as day) d0
cross join lateral (select d0.day, (select count(*) from oneseal.queue_ticket t where t.hall_id = h.id and t.day = d0.day
                                    and t.number like 'A%') as issued) d
cross join generate_series(1, :tickets) g;
-- the platform numbers from a counter row per hall, day and prefix (V60): it goes on after the seeded tickets
insert into oneseal.hall_ticket_counter as c (hall_id, day, prefix, last_number)
select t.hall_id, t.day, 'A', max(cast(substring(t.number from 2) as int))
from oneseal.queue_ticket t join seed_hall h on h.id = t.hall_id
where t.day = (now() at time zone 'Asia/Shanghai')::date and t.number ~ '^A[0-9]+$'
group by t.hall_id, t.day
on conflict (hall_id, day, prefix) do update set last_number = greatest(c.last_number, excluded.last_number);

insert into oneseal.account (username, password_hash, kind, display_name, enabled, created_at, version)
select 'race_' || g, '{noop}-', 'PERSON', '抢号人' || g, true, now(), 0
from generate_series(1, :accounts) g
on conflict do nothing;

analyze oneseal.queue_ticket;
analyze oneseal.org_unit;
