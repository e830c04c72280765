-- 办不成事 of a year (issue 9's benchmark data set): :total complaints (default 3,000) received in :year before
-- today (Asia/Shanghai), in the shapes the platform stores them (docs/complaints.md, Complaints): over the regions
-- (市本级 40 %, 东湖区 18 %, 高新区 16 %, 南溪县 14 %, 北岭县 12 %), channels (window 45 %, the hall's QR code 25 %, online
-- 30 %) and causes; triaged (应当办成 60 %, 确实办不了 30 %, 疑难 10 % with an office chased), answered (resolved 78 %,
-- explained with the way forward 22 %) mostly within their deadline (answer 3 / resolve 5 / hard 15 working days),
-- the late ones escalated; called back where the reporter left a phone; 94 % closed, the rest still at a step of the
-- loop. Each with its history (complaint_event: received, triaged, chased, answered, called back, closed). Window
-- reports in working hours on working days, the others at any time.
-- Tracking codes 'Z0' + 8 digits: the platform's have neither '0' nor '1' (Complaints.CODE_LETTERS), so no later
-- report can draw one. Deterministic (hashes, no random()). Refused (nothing written) when the year's complaints are
-- there already (a tracking code 'Z0…' exists).
-- psql -v total=3000 -v year=2025 -f bench/seed-complaints.sql
\set ON_ERROR_STOP on
\if :{?year}
\else
\set year 2025
\endif
\if :{?total}
\else
\set total 3000
\endif
select exists (select 1 from oneseal.complaint where tracking_code like 'Z0%') as complaints_seeded \gset
\if :complaints_seeded
\echo bench/seed-complaints.sql: complaints of the year already there, nothing done
\quit
\endif

begin;
-- d + n working days (the working-day calendar: holidays, make-up days)
create function pg_temp.plus_working_days(d date, n int) returns date language sql stable as $$
    select x::date from generate_series(d + 1, d + 3 * n + 30, interval '1 day') x
    left join oneseal.calendar_day c on c.date = x::date
    where (extract(isodow from x) < 6 and coalesce(c.kind, '') <> 'HOLIDAY') or coalesce(c.kind, '') = 'MAKEUP_WORKDAY'
    order by x offset n - 1 limit 1 $$;
create function pg_temp.working(d date) returns boolean language sql stable as $$
    select (extract(isodow from d) < 6 and coalesce(c.kind, '') <> 'HOLIDAY') or coalesce(c.kind, '') = 'MAKEUP_WORKDAY'
    from (select d) x left join oneseal.calendar_day c on c.date = d $$;

create temporary table seed_region as
    select r.id as region_id, v.lo, v.hi,
           (select min(u.id) from oneseal.org_unit u where u.region_id = r.id and u.kind = 'BUREAU') as bureau_id,
           (select array_agg(u.id order by u.id) from oneseal.org_unit u where u.region_id = r.id
                and u.kind in ('BUREAU', 'BUREAU_SECTION', 'STATIONED_DEPARTMENT')) as offices,
           (select array_agg(m.id order by m.id) from oneseal.matter m where m.region_id = r.id) as matters,
           (select min(a.username) from oneseal.account a join oneseal.account_role ar on ar.account_id = a.id
            where a.region_id = r.id and a.kind = 'STAFF' and ar.role = 'CHIEF' and a.enabled) as chief,
           (select min(a.username) from oneseal.account a join oneseal.account_role ar on ar.account_id = a.id
            where a.region_id = r.id and a.kind = 'STAFF' and ar.role = 'WINDOW_STAFF' and a.enabled) as window_staff
    from (values ('990100', 0, 40), ('990102', 40, 58), ('990171', 58, 74), ('990121', 74, 88), ('990122', 88, 100))
         v (code, lo, hi)
    join oneseal.region r on r.code = v.code;
do $$ begin
    if (select count(*) from seed_region) <> 5 then raise exception 'bench/seed-complaints.sql: the demo''s regions are not all there'; end if;
end $$;

create temporary table seed_complaint as
    select nextval(pg_get_serial_sequence('oneseal.complaint', 'id')) as id, g, r.*, c.channel, x.*,
           -- the day: spread evenly over the year's days up to yesterday; window reports moved to a working day
           d.day, (d.day + make_interval(hours => 9, mins => (x.h3 % 450)::int)) at time zone 'Asia/Shanghai' as received_at
    from generate_series(1, :total) g
    cross join lateral (select abs(hashint8extended(g, 71)) as h1, abs(hashint8extended(g, 72)) as h2,
                               abs(hashint8extended(g, 73)) as h3, abs(hashint8extended(g, 74)) as h4) x
    join seed_region r on x.h1 % 100 >= r.lo and x.h1 % 100 < r.hi
    cross join lateral (select case when x.h2 % 100 < 45 then 'WINDOW' when x.h2 % 100 < 70 then 'QR' else 'ONLINE' end
                               as channel) c
    cross join lateral (select y.first + ((g - 1) * (y.last - y.first + 1) / :total)::int as day0
                        from (select (:'year' || '-01-01')::date as first,
                                     least((:'year' || '-12-31')::date, (now() at time zone 'Asia/Shanghai')::date - 1)
                                     as last) y) d0
    cross join lateral (select case when c.channel = 'WINDOW' and not pg_temp.working(d0.day0)
                                    then pg_temp.plus_working_days(d0.day0, 1) else d0.day0 end as day) d1
    cross join lateral (select least(d1.day, (now() at time zone 'Asia/Shanghai')::date - 1) as day) d;

alter table seed_complaint add column kind text, add column category text, add column state text, add column due_on date,
    add column answered_at timestamptz, add column outcome text, add column phone text, add column name text,
    add column callback text, add column called_back_at timestamptz, add column closed_at timestamptz,
    add column escalated_at timestamptz;
update seed_complaint set
    kind = case when h4 % 10 < 6 then 'SHOULD_BE_DONE' when h4 % 10 < 9 then 'CANNOT_BE_DONE' else 'HARD' end,
    category = (array['BACK_AND_FORTH', 'BACK_AND_FORTH', 'BACK_AND_FORTH', 'BACK_AND_FORTH', 'BACK_AND_FORTH',
                      'REFUSED_WITHOUT_BASIS', 'REFUSED_WITHOUT_BASIS', 'REFUSED_WITHOUT_BASIS', 'NO_OFFICE', 'NO_OFFICE',
                      'POLICY_CONFLICT', 'POLICY_CONFLICT', 'MISSING_HISTORIC_DOCUMENTS', 'MISSING_HISTORIC_DOCUMENTS',
                      'MISSING_HISTORIC_DOCUMENTS', 'SYSTEM_FAILURE', 'SYSTEM_FAILURE', 'OTHER', 'OTHER', 'OTHER'])
               [1 + (h2 / 100 % 20)::int],
    state = case when h3 / 1000 % 1000 < 940 then 'CLOSED' when h3 / 1000 % 1000 < 960 then 'CALLED_BACK'
                 when h3 / 1000 % 1000 < 980 then 'ANSWERED' when h3 / 1000 % 1000 < 995 then 'COORDINATING'
                 else 'ASSIGNED' end,
    outcome = case when h4 / 10 % 100 < 78 then 'RESOLVED' else 'EXPLAINED' end,
    phone = case when h1 / 100 % 100 < 85 then '139' || lpad((h1 % 100000000)::text, 8, '0') end,
    name = case when h1 / 100 % 100 < 80 then (array['张','李','王','刘','陈','杨','赵','黄'])[1 + (h2 % 8)::int] || '先生' end;
-- a region without a chief of its own: its complaints wait unassigned for one (the rest are handled by its chiefs)
update seed_complaint set state = 'UNASSIGNED' where state = 'ASSIGNED' and chief is null;
update seed_complaint set due_on = pg_temp.plus_working_days(day,
    case kind when 'CANNOT_BE_DONE' then 3 when 'SHOULD_BE_DONE' then 5 else 15 end);
-- answered 1–7 days after receipt (8 % after their deadline: escalated the day after it)
update seed_complaint set
    answered_at = case when state in ('CLOSED', 'CALLED_BACK', 'ANSWERED') then
        case when h4 / 1000 % 100 < 8 then (due_on + 2 + time '15:00') at time zone 'Asia/Shanghai'
             else least(received_at + make_interval(days => 1 + (h4 / 1000 % 7)::int, hours => (h3 % 6)::int),
                        (due_on + time '17:00') at time zone 'Asia/Shanghai') end end;
update seed_complaint set outcome = null where answered_at is null;
update seed_complaint set
    escalated_at = case when (answered_at is not null and answered_at > (due_on + 1)::timestamp at time zone 'Asia/Shanghai')
                          or (answered_at is null and due_on < (now() at time zone 'Asia/Shanghai')::date)
                        then (due_on + 1 + time '01:00') at time zone 'Asia/Shanghai' end,
    callback = case when state in ('CLOSED', 'CALLED_BACK') and phone is not null then
        case when h2 / 1000 % 100 < 80 then 'SATISFIED' when h2 / 1000 % 100 < 92 then 'BASICALLY'
             when h2 / 1000 % 100 < 97 then 'UNSATISFIED' else 'UNREACHABLE' end end;
update seed_complaint set called_back_at = case when callback is not null then answered_at + make_interval(days => 1 + (h1 % 3)::int) end;
update seed_complaint set closed_at = case when state = 'CLOSED' then coalesce(called_back_at, answered_at) + interval '2 hours' end;
-- nothing after now
update seed_complaint set called_back_at = null, callback = null, closed_at = null, state = 'ANSWERED'
where called_back_at > now();
update seed_complaint set closed_at = null, state = case when callback is not null then 'CALLED_BACK' else 'ANSWERED' end
where closed_at > now();
update seed_complaint set answered_at = null, outcome = null, state = 'COORDINATING' where answered_at > now();

insert into oneseal.complaint (id, tracking_code, channel, reporter_account_id, reporter_name, reporter_phone, region_id,
        department_id, matter_id, category, description, state, kind, coordinator, rule_id, due_on, outcome, answer,
        way_forward, answered_at, callback_result, callback_note, called_back_at, closed_at, escalated_at, received_by,
        received_at)
overriding system value
select c.id, 'Z0' || lpad(c.g::text, 8, '0'), c.channel, null, c.name, c.phone, c.region_id,
       c.offices[1 + (c.h3 % array_length(c.offices, 1))::int],
       case when c.h4 % 100 < 60 and c.matters is not null then c.matters[1 + (c.h2 % array_length(c.matters, 1))::int] end,
       c.category,
       (array['在窗口办理业务时被要求补充的材料前后不一致，来回跑了三次仍未办成。',
              '申请事项在系统中无法提交，窗口称需等待系统修复，已逾一周。',
              '该事项涉及两个部门，相互推诿，均称不属于本部门职责。',
              '因上世纪的房产档案缺失，无法办理不动产相关手续。',
              '政策文件之间规定不一致，窗口无法确定适用哪一条。'])[1 + (c.h1 % 5)::int],
       c.state, c.kind, c.chief, null, c.due_on, c.outcome,
       case when c.outcome = 'RESOLVED' then '经协调相关部门，已为群众办结该事项。'
            when c.outcome = 'EXPLAINED' then '经核实，该事项目前不具备办理条件，已向群众说明原因。' end,
       case when c.outcome = 'EXPLAINED' then '待补齐相关证明材料后可通过帮办代办窗口优先办理。' end,
       c.answered_at, c.callback, null, c.called_back_at, c.closed_at, c.escalated_at,
       case when c.channel = 'WINDOW' then coalesce(c.window_staff, c.chief) end, c.received_at
from seed_complaint c;

-- the hard ones: an office chased, replied within its deadline (before the answer)
insert into oneseal.complaint_chase (complaint_id, office_id, request, due_on, reply, replied_at, escalated_at, chased_by,
        chased_at)
select c.id, c.offices[1 + ((c.h3 + 1) % array_length(c.offices, 1))::int], '请于期限内核实情况并提出办理意见。',
       pg_temp.plus_working_days(c.day, 5),
       case when c.answered_at is not null then '已核实，同意按协调意见办理。' end,
       case when c.answered_at is not null then c.answered_at - interval '3 hours' end,
       -- not replied (the complaint still open): escalated the day after its deadline, as the hourly job does
       case when c.answered_at is null then (pg_temp.plus_working_days(c.day, 5) + 1 + time '01:00') at time zone 'Asia/Shanghai' end,
       coalesce(c.chief, 'chief01'), c.received_at + interval '1 day'
from seed_complaint c where c.kind = 'HARD';

insert into oneseal.complaint_event (complaint_id, kind, actor, note, at)
select e.complaint_id, e.kind, e.actor, e.note, e.at
from (select c.id as complaint_id, v.*
      from seed_complaint c
      cross join lateral (values
          (1, 'RECEIVED', case when c.channel = 'WINDOW' then coalesce(c.window_staff, c.chief) end, c.channel, c.received_at),
          (2, 'TRIAGED', c.chief, c.kind || ' ' || c.due_on, c.received_at + interval '2 hours'),
          (3, 'CHASED', c.chief, case when c.kind = 'HARD' then '请于期限内核实情况并提出办理意见。' end,
              case when c.kind = 'HARD' then c.received_at + interval '1 day' end),
          (4, 'ESCALATED', null, null, c.escalated_at),
          (5, 'ANSWERED', c.chief, c.outcome, c.answered_at),
          (6, 'CALLED_BACK', c.chief, c.callback, c.called_back_at),
          (7, 'CLOSED', c.chief, null, c.closed_at)) v (n, kind, actor, note, at)
      where v.at is not null and (v.n <> 2 or c.state <> 'ASSIGNED')) e
order by e.at, e.complaint_id;

commit;
-- vacuumed as a database in use would be (visibility map for index-only scans; no autovacuum of the
-- seeded tables in the middle of the measurements that follow)
vacuum analyze oneseal.complaint;
vacuum analyze oneseal.complaint_event;
