-- Bulk 好差评 ratings for the statistics benchmark: :total ratings over the year :year, in the shapes the platform
-- stores them (docs/evaluation.md, RatingStore): case ratings (portal, paper, phone, provincial platform) carry the
-- matter, its department and the staff member who handled it; window ratings (the hall's QR page, rating devices)
-- carry the window. Levels are skewed as real ratings are (about 70% 5, 15% 4, 8% 3, 4% 2, 3% 1); every bad review
-- (levels 2–1) has its rectification, nearly all closed (most on time, with a callback when the rater is named).
-- Ratings are written in time order, as they arrive; every day of the year is marked not rolled up, so the
-- platform's roll-up job has to do a year of days. One INSERT … SELECT over generate_series, deterministic (hashes
-- of the row number, no random()): the same rows on every run.
-- psql -v total=2000000 -v year=2025 -f bench/seed-ratings.sql
\set ON_ERROR_STOP on
create temporary table seed_matter as
    select row_number() over (order by m.id) - 1 as k, m.id as matter_id, m.region_id,
           coalesce((select v.department_id from oneseal.matter_version v where v.matter_id = m.id order by v.id desc limit 1),
                    (select min(u.id) from oneseal.org_unit u where u.region_id = m.region_id and u.kind <> 'WINDOW')) as department_id
    from oneseal.matter m
    order by m.id
    limit 40;
create temporary table seed_window as
    select row_number() over (order by u.id) - 1 as k, u.id as window_id, u.region_id
    from oneseal.org_unit u
    where u.kind = 'WINDOW' and u.active;

insert into oneseal.rating (scheme_version, object_type, object_id, case_id, step, channel, face_to_face, level, reasons,
        comment, region_id, department_id, matter_id, window_id, handled_by, rated_at, day, source, excluded)
select 2,
       case when s.window_rating then 'WINDOW' else 'CASE' end,
       case when s.window_rating then a.windows[s.wk]::text else 'BENCH' || lpad(s.g::text, 9, '0') end,
       null, null, s.channel, s.channel in ('QR', 'PAPER', 'DEVICE'), s.level,
       case s.level when 2 then 'R21' when 1 then 'R11' else '' end,
       null,
       case when s.window_rating then a.window_regions[s.wk] else a.matter_regions[s.mk] end,
       case when s.window_rating then null else a.departments[s.mk] end,
       case when s.window_rating then null else a.matters[s.mk] end,
       case when s.window_rating then a.windows[s.wk] end,
       -- 60 staff members, three to a matter (each handles two matters)
       case when s.window_rating then null else 'bench_staff_' || (((s.mk - 1) * 3 + s.sk) % 60) end,
       s.rated_at, (s.rated_at at time zone 'Asia/Shanghai')::date, 'bench', false
from (select g,
             -- the year's instants in order of g, each within its own slot
             y.start + (y.stop - y.start) * ((g - 1 + (abs(hashint8extended(g, 7)) % 1000000) / 1e6) / :total) as rated_at,
             case when l < 70 then 5 when l < 85 then 4 when l < 93 then 3 when l < 97 then 2 else 1 end as level,
             c.channel, c.channel in ('QR', 'DEVICE') as window_rating,
             1 + abs(hashint8extended(g, 3)) % (select count(*) from seed_matter) as mk,
             1 + abs(hashint8extended(g, 4)) % (select count(*) from seed_window) as wk,
             abs(hashint8extended(g, 5)) % 3 as sk
      from generate_series(1, :total) g
      cross join (select (:'year' || '-01-01 00:00:00+08')::timestamptz as start,
                         (:'year' || '-01-01 00:00:00+08')::timestamptz + interval '1 year' as stop) y
      cross join lateral (select abs(hashint8extended(g, 1)) % 100 as l, abs(hashint8extended(g, 2)) % 100 as ch) h
      -- channels: portal 35%, hall QR 25%, paper 10%, phone 10%, rating devices 10%, provincial platform 10%
      cross join lateral (select case when h.ch < 35 then 'PORTAL' when h.ch < 60 then 'QR' when h.ch < 70 then 'PAPER'
                                      when h.ch < 80 then 'PHONE' when h.ch < 90 then 'DEVICE' else 'PROVINCIAL' end as channel) c
     ) s
cross join (select (select array_agg(matter_id order by k) from seed_matter) as matters,
                   (select array_agg(region_id order by k) from seed_matter) as matter_regions,
                   (select array_agg(department_id order by k) from seed_matter) as departments,
                   (select array_agg(window_id order by k) from seed_window) as windows,
                   (select array_agg(region_id order by k) from seed_window) as window_regions) a;

-- every day of the year is to be rolled up (again)
insert into oneseal.rating_day (day, rolled)
select d::date, false
from generate_series((:'year' || '-01-01')::date, (:'year' || '-12-31')::date, interval '1 day') d
on conflict (day) do update set rolled = false;

-- the rectification of every bad review: 95% closed (closed within 0–19 days of a 14-day deadline: about 3 in 4 on
-- time), the rest still open and overdue; 80% named, of those closed and named nearly all called back
insert into oneseal.rectification (rating_id, case_id, region_id, department_id, matter_id, window_id, responsible,
        state, due_on, opened_at, named, classification, closed_on, callback_result, called_back_at, day, channel)
select r.id, null, r.region_id, r.department_id, r.matter_id, r.window_id, r.handled_by,
       case when x.closed then 'CLOSED' else 'OPEN' end,
       r.day + 14, r.rated_at, x.named,
       case when x.closed then case when x.days <= 3 then 'IMMEDIATE' else 'DEADLINE' end end,
       case when x.closed then r.day + x.days end,
       case when x.closed and x.named then (array['SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED', 'SATISFIED',
            'SATISFIED', 'SATISFIED', 'BASICALLY', 'UNSATISFIED', 'UNREACHABLE'])[1 + x.cb] end,
       case when x.closed and x.named then r.rated_at + (x.days || ' days')::interval end,
       r.day, r.channel
from oneseal.rating r
cross join lateral (select abs(hashint8extended(r.id, 11)) % 100 >= 5 as closed,
                           abs(hashint8extended(r.id, 12)) % 100 < 80 as named,
                           (abs(hashint8extended(r.id, 13)) % 20)::int as days,
                           (abs(hashint8extended(r.id, 14)) % 10)::int as cb) x
where r.source = 'bench' and r.level <= 2
  and r.day between (:'year' || '-01-01')::date and (:'year' || '-12-31')::date
on conflict (rating_id) do nothing;

analyze oneseal.rating;
analyze oneseal.rectification;
analyze oneseal.rating_day;
