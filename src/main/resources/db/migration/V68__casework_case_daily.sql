-- Case figures for the statistics module (issue 9, see docs/casework.md "Figures"): what a case must keep for them.

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
