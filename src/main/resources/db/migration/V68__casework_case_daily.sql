-- Case figures for the statistics module (issue 9, see docs/casework.md "Figures"): what a case must keep for them,
-- the indexes their drill-downs read in order, and the daily roll-up they are read from.

-- 1. What a case keeps for the figures.
--    granted: the decision (true 准予许可, false 不予许可, null none yet); the status says DELIVERED for both once
--             delivered, so it is kept apart.
--    licence_kind, service_object: of the matter version the case keeps (营业执照 + ENTERPRISE = 企业设立登记).
--    worked_days: working days from acceptance to conclusion (the day of acceptance not counted), by the calendar
--             module when the case is concluded; null when not accepted or not concluded.
alter table case_file
    add column granted        boolean,
    add column licence_kind   varchar(100),
    add column service_object varchar(20),
    add column worked_days    int;

update case_file set granted = (status = 'GRANTED') where status in ('GRANTED', 'DENIED');
update case_file c set granted = (e.kind = 'GRANTED')
from (select distinct on (case_id) case_id, kind from case_event where kind in ('GRANTED', 'DENIED')
      order by case_id, id desc) e
where e.case_id = c.id and c.granted is null and c.decided_on is not null;
update case_file c set licence_kind = v.content ->> 'licenceKind', service_object = v.service_object
from matter_version v where v.id = c.matter_version_id;
-- working days as the calendar module counts them: Monday to Friday unless a holiday, and make-up working days;
-- only where the calendar has both years (a concluded case always had them)
with bounds as (select min(accepted_on) as lo, max(concluded_on) as hi from case_file
                where accepted_on is not null and concluded_on is not null),
     cal as (select g::date as day,
                    sum(case when (extract(isodow from g) < 6 and d.kind is distinct from 'HOLIDAY')
                                  or d.kind = 'MAKEUP_WORKDAY' then 1 else 0 end) over (order by g) as n
             from bounds cross join generate_series(bounds.lo, bounds.hi, interval '1 day') g
             left join calendar_day d on d.date = g::date)
update case_file c set worked_days = b.n - a.n
from cal a, cal b
where a.day = c.accepted_on and b.day = c.concluded_on
  and exists (select 1 from calendar_year y where y.year = extract(year from c.accepted_on))
  and exists (select 1 from calendar_year y where y.year = extract(year from c.concluded_on));

-- 2. Each figure's records in the order its drill-down lists them (a page of a million rows is read from the index).
create index case_file_submitted_on_idx on case_file (((submitted_at at time zone 'Asia/Shanghai')::date), id)
    where status <> 'DRAFT';
create index case_file_accepted_on_idx on case_file (accepted_on, id) where accepted_on is not null;
-- (the figures of concluded cases count accepted ones only: a page far down the list is skipped in the index alone)
create index case_file_concluded_on_idx on case_file (concluded_on, id)
    where concluded_on is not null and accepted_on is not null;
-- new market entities: granted business licences, by the day of the decision
create index case_file_new_entity_idx on case_file (decided_on, id) where granted and licence_kind = '营业执照';
-- cases open at the end of a day: the day lies in [day of submission, day of conclusion)
create index case_file_open_idx on case_file
    using gist (daterange((submitted_at at time zone 'Asia/Shanghai')::date, concluded_on, '[)'))
    where status <> 'DRAFT';
create index agent_mandate_created_idx on agent_mandate (created_at, id);

-- 3. The daily roll-up. case_daily: what happened on a day (each case counts on the day of each of its facts:
--    submission, acceptance, conclusion, decision); case_stock_daily: the cases open and overdue at the end of the day.
--    A day is read from them once rolled (case_day.rolled); before that (today, or a day changed since it was rolled)
--    the figures count the cases themselves. The job casework-rollup rolls every day before today that is not rolled.
create table case_day (
    day     date     primary key,
    rolled  boolean  not null
);
create table case_daily (
    day                date          not null,
    region_id          bigint        not null,
    department_id      bigint        not null,
    matter_id          bigint        not null,
    channel            varchar(20)   not null,
    intake_staff       varchar(40),
    submitted          int           not null,
    accepted           int           not null,
    concluded          int           not null,
    on_time            int           not null,
    legal_on_time      int           not null,
    granted            int           not null,
    denied             int           not null,
    registrations      int           not null,
    registration_days  int           not null,
    new_entities       int           not null
);
create index case_daily_day_idx on case_daily (day, region_id);
create table case_stock_daily (
    day            date          not null,
    region_id      bigint        not null,
    department_id  bigint        not null,
    matter_id      bigint        not null,
    channel        varchar(20)   not null,
    intake_staff   varchar(40),
    open           int           not null,
    overdue        int           not null
);
create index case_stock_daily_day_idx on case_stock_daily (day, region_id);

-- 4. Any change to a case un-rolls the days whose figures it changes, whichever code (or SQL) makes it: a trigger on
--    case_file is the one place every change passes. A case counts on the day of each fact (its flow facts, with
--    what each fact's figures read), and in the stock of every day of two spans: open [submitted, concluded) and
--    overdue [accepted and past the promised due date, decided / concluded / paused). Only the facts and the span
--    ends that changed mark days. Days before today are locked (inserted if missing) so that a roll-up running at
--    the same time waits for the change; today and later are only un-rolled if rolled (no lock on the busy day).
create function oneseal.case_flow_facts(c oneseal.case_file) returns table (day date, sig text)
language sql immutable as $$
    select (c.submitted_at at time zone 'Asia/Shanghai')::date,
           row('S', c.region_id, c.department_id, c.matter_id, c.channel, c.intake_staff)::text
    where c.status <> 'DRAFT'
    union all
    select c.accepted_on, row('A', c.region_id, c.department_id, c.matter_id, c.channel, c.intake_staff)::text
    where c.accepted_on is not null
    union all
    select c.concluded_on, row('C', c.region_id, c.department_id, c.matter_id, c.channel, c.intake_staff,
               c.accepted_on, c.decided_on, c.promised_due, c.legal_due, c.granted, c.licence_kind, c.service_object,
               c.worked_days)::text
    where c.concluded_on is not null
    union all
    select c.decided_on, row('D', c.region_id, c.department_id, c.matter_id, c.channel, c.intake_staff, c.granted,
               c.licence_kind)::text
    where c.decided_on is not null
$$;

create function oneseal.case_stock_spans(c oneseal.case_file) returns table (kind char(1), sig text, lo date, hi date)
language sql immutable as $$
    select s.kind, s.sig, s.lo, s.hi from (
        select 'O'::char(1) as kind,
               row(c.region_id, c.department_id, c.matter_id, c.channel, c.intake_staff)::text as sig,
               (c.submitted_at at time zone 'Asia/Shanghai')::date as lo,
               coalesce(c.concluded_on, 'infinity'::date) as hi
        where c.status <> 'DRAFT'
        union all
        select 'V', row(c.region_id, c.department_id, c.matter_id, c.channel, c.intake_staff)::text,
               greatest(c.accepted_on, c.promised_due + 1),
               least(coalesce(c.decided_on, 'infinity'::date), coalesce(c.concluded_on, 'infinity'::date),
                     coalesce(c.paused_since, 'infinity'::date))
        where c.status <> 'DRAFT' and c.accepted_on is not null and c.promised_due is not null
    ) s where s.lo < s.hi
$$;

create function oneseal.case_day_mark(days date[], spans datemultirange) returns void
language plpgsql as $$
declare
    today date := (now() at time zone 'Asia/Shanghai')::date;
begin
    -- rows taken in the order of their days: two changes marking the same days never wait for each other in a circle
    if days is not null then
        insert into oneseal.case_day (day, rolled)
        select d, false from (select distinct d from unnest(days) d where d < today) x order by d
        on conflict (day) do nothing;
    end if;
    if spans is not null then
        perform 1 from oneseal.case_day c, unnest(spans) r
        where c.day >= lower(r) and c.day < upper(r) and (c.rolled or c.day < today)
        order by c.day for update of c;
        update oneseal.case_day c set rolled = false
        from unnest(spans) r
        where c.day >= lower(r) and c.day < upper(r) and (c.rolled or c.day < today);
    end if;
end $$;

create function oneseal.case_file_inserted() returns trigger language plpgsql as $$
declare
    days date[];
    spans datemultirange;
begin
    with days as (select distinct f.day from new_rows n cross join lateral oneseal.case_flow_facts(n) f)
    select (select array_agg(day) from days),
           (select range_agg(r) from (select daterange(day, day + 1) as r from days
                                      union all
                                      select daterange(s.lo, s.hi) from new_rows n
                                      cross join lateral oneseal.case_stock_spans(n) s) x)
    into days, spans;
    perform oneseal.case_day_mark(days, spans);
    return null;
end $$;

create function oneseal.case_file_deleted() returns trigger language plpgsql as $$
declare
    days date[];
    spans datemultirange;
begin
    with days as (select distinct f.day from old_rows o cross join lateral oneseal.case_flow_facts(o) f)
    select (select array_agg(day) from days),
           (select range_agg(r) from (select daterange(day, day + 1) as r from days
                                      union all
                                      select daterange(s.lo, s.hi) from old_rows o
                                      cross join lateral oneseal.case_stock_spans(o) s) x)
    into days, spans;
    perform oneseal.case_day_mark(days, spans);
    return null;
end $$;

create function oneseal.case_file_updated() returns trigger language plpgsql as $$
declare
    days date[];
    spans datemultirange;
begin
    with fo as (select o.id, f.day, f.sig from old_rows o cross join lateral oneseal.case_flow_facts(o) f),
         fn as (select n.id, f.day, f.sig from new_rows n cross join lateral oneseal.case_flow_facts(n) f),
         flow as ((select * from fo except select * from fn) union (select * from fn except select * from fo)),
         so as (select o.id, s.kind, s.sig, s.lo, s.hi from old_rows o cross join lateral oneseal.case_stock_spans(o) s),
         sn as (select n.id, s.kind, s.sig, s.lo, s.hi from new_rows n cross join lateral oneseal.case_stock_spans(n) s),
         -- a span that moved: the days between its old and new first day, and between its old and new end
         stock as (select least(a.lo, b.lo) as lo, greatest(a.lo, b.lo) as hi
                   from so a join sn b on b.id = a.id and b.kind = a.kind and b.sig = a.sig
                   union all
                   select least(a.hi, b.hi), greatest(a.hi, b.hi)
                   from so a join sn b on b.id = a.id and b.kind = a.kind and b.sig = a.sig
                   union all
                   select a.lo, a.hi from so a
                   where not exists (select 1 from sn b where b.id = a.id and b.kind = a.kind and b.sig = a.sig)
                   union all
                   select b.lo, b.hi from sn b
                   where not exists (select 1 from so a where a.id = b.id and a.kind = b.kind and a.sig = b.sig))
    select (select array_agg(distinct day) from flow),
           (select range_agg(r) from (select daterange(day, day + 1) as r from flow
                                      union all select daterange(lo, hi) from stock where lo < hi) x)
    into days, spans;
    perform oneseal.case_day_mark(days, spans);
    return null;
end $$;

create trigger case_file_inserted after insert on oneseal.case_file referencing new table as new_rows
    for each statement execute function oneseal.case_file_inserted();
create trigger case_file_updated after update on oneseal.case_file referencing old table as old_rows new table as new_rows
    for each statement execute function oneseal.case_file_updated();
create trigger case_file_deleted after delete on oneseal.case_file referencing old table as old_rows
    for each statement execute function oneseal.case_file_deleted();
