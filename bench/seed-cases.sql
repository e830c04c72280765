-- Bulk cases for the worklist benchmark: :total cases, of which :open are open, spread over every region,
-- the three staff steps and a year of submissions; the rest concluded (delivered). One INSERT … SELECT
-- over generate_series: a million rows take seconds, not one HTTP call per case.
-- Concluded cases carry what the case figures read (the decision: 9 of 10 granted; the matter's licence kind and
-- service object; the working days from acceptance to conclusion by the shipped calendar); the platform's roll-up job
-- (casework-rollup) then rolls their days up.
-- With -v year=2025 the concluded cases are submitted over that calendar year (Asia/Shanghai), so that the year's
-- statistics and annual report read all of them (bench/run.sh: the year of the ratings); the open ones stay within the
-- last year up to now, as open cases are. Without it every case is submitted within the last 365 days.
-- psql -v total=1000000 -v open=50000 [-v year=2025] -f bench/seed-cases.sql
\set ON_ERROR_STOP on
\if :{?year}
\else
\set year ''
\endif
create temporary table seed_region as
    select row_number() over (order by r.id) - 1 as k, r.id, r.code,
           (select min(u.id) from oneseal.org_unit u where u.region_id = r.id) as department_id
    from oneseal.region r;
create temporary table seed_matter as
    select row_number() over (order by m.id) - 1 as k, m.id as matter_id, v.id as version_id,
           v.content ->> 'licenceKind' as licence_kind, v.service_object
    from oneseal.matter m
    join oneseal.matter_version v on v.id = (select max(x.id) from oneseal.matter_version x where x.matter_id = m.id);
-- the working days up to each day (Monday to Friday unless a holiday, and make-up days), for worked_days
create temporary table seed_workday as
    select g::date as day,
           sum(case when (extract(isodow from g) < 6 and d.kind is distinct from 'HOLIDAY') or d.kind = 'MAKEUP_WORKDAY'
                    then 1 else 0 end) over (order by g) as n
    from generate_series(case when :'year' = '' then current_date
                              else least(current_date, (:'year' || '-12-31')::date) end - 400,
                         current_date + 10, interval '1 day') g
    left join oneseal.calendar_day d on d.date = g::date;
alter table seed_workday add primary key (day);

insert into oneseal.case_file (case_number, matter_id, matter_version_id, matter_name, region_id, department_id,
        applicant_kind, applicant_name, applicant_identifier, channel, status, current_step, candidate_role,
        submitted_at, accepted_on, promised_days, legal_days, promised_due, legal_due, receipt_due, decided_on,
        concluded_on, delivery_method, overdue, granted, licence_kind, service_object, worked_days)
select 'BENCH' || lpad(g::text, 9, '0'),
       m.matter_id, m.version_id, '基准测试事项' || m.k, r.id, coalesce(r.department_id, 1),
       case when g % 3 = 0 then 'ENTERPRISE' else 'PERSON' end,
       '基准申请人' || (g % 5000), '11010519900101' || lpad((g % 9999)::text, 4, '0'),
       case when g % 4 = 0 then 'WINDOW' else 'ONLINE' end,
       case when g <= :open then (array['SUBMITTED', 'IN_REVIEW', 'AWAITING_DECISION'])[1 + g % 3] else 'DELIVERED' end,
       case when g <= :open then (array['preReview', 'review', 'decide'])[1 + g % 3] end,
       case when g <= :open then (array['WINDOW_STAFF', 'REVIEWER', 'CHIEF'])[1 + g % 3] end,
       b.t - ((g % 86400) || ' seconds')::interval,
       case when g > :open or g % 3 <> 0 then b.t::date end,
       5, 20,
       case when g > :open or g % 3 <> 0 then b.t::date + 7 end,
       case when g > :open or g % 3 <> 0 then b.t::date + 28 end,
       b.t::date + 7,
       case when g > :open then b.t::date + 3 end,
       case when g > :open then b.t::date + 4 end,
       case when g > :open then 'DOWNLOAD' end,
       g <= :open and g % 11 = 0,
       case when g > :open then g % 10 <> 7 end,
       m.licence_kind, m.service_object,
       case when g > :open then (select c.n from seed_workday c
                                 where c.day = b.t::date + 4)
                                - (select a.n from seed_workday a
                                   where a.day = b.t::date) end
from generate_series(1, :total) g
-- the day a case was submitted: 0–364 days before now (open cases, or no year given) or before the year's last day
cross join lateral (select case when g <= :open or :'year' = '' then now()
                                else (:'year' || '-12-31 23:00:00+08')::timestamptz end
                           - ((g % 365) || ' days')::interval as t) b
join seed_region r on r.k = g % (select count(*) from seed_region)
join seed_matter m on m.k = g % (select count(*) from seed_matter);

analyze oneseal.case_file;
