-- Holidays and make-up working days published by the General Office of the State Council.
-- Every date inside a "放假调休" period is a HOLIDAY, including the Saturdays and Sundays it contains.
-- Later years: add them on the page /admin/calendar, or ship them in a new migration with a higher
-- version number (use "on conflict do nothing" in case an administrator entered the year first).

insert into calendar_year (year, source_document) values
    (2024, '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）'),
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）'),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日，新华社全文发布）');

-- Holiday periods (year, first day, last day, name), one row per day.
insert into calendar_day (date, year, kind, name)
select day::date, p.year, 'HOLIDAY', p.name
from (values
    (2024, date '2024-01-01', date '2024-01-01', '元旦'),
    (2024, '2024-02-10', '2024-02-17', '春节'),
    (2024, '2024-04-04', '2024-04-06', '清明节'),
    (2024, '2024-05-01', '2024-05-05', '劳动节'),
    (2024, '2024-06-10', '2024-06-10', '端午节'),
    (2024, '2024-09-15', '2024-09-17', '中秋节'),
    (2024, '2024-10-01', '2024-10-07', '国庆节'),
    (2025, '2025-01-01', '2025-01-01', '元旦'),
    (2025, '2025-01-28', '2025-02-04', '春节'),
    (2025, '2025-04-04', '2025-04-06', '清明节'),
    (2025, '2025-05-01', '2025-05-05', '劳动节'),
    (2025, '2025-05-31', '2025-06-02', '端午节'),
    (2025, '2025-10-01', '2025-10-08', '国庆节、中秋节'),
    (2026, '2026-01-01', '2026-01-03', '元旦'),
    (2026, '2026-02-15', '2026-02-23', '春节'),
    (2026, '2026-04-04', '2026-04-06', '清明节'),
    (2026, '2026-05-01', '2026-05-05', '劳动节'),
    (2026, '2026-06-19', '2026-06-21', '端午节'),
    (2026, '2026-09-25', '2026-09-27', '中秋节'),
    (2026, '2026-10-01', '2026-10-07', '国庆节')
     ) as p (year, first_day, last_day, name),
     generate_series(p.first_day, p.last_day, interval '1 day') as day;

-- Make-up working days (调休上班), always a Saturday or Sunday.
insert into calendar_day (date, year, kind, name) values
    ('2024-02-04', 2024, 'MAKEUP_WORKDAY', '春节调休上班'),
    ('2024-02-18', 2024, 'MAKEUP_WORKDAY', '春节调休上班'),
    ('2024-04-07', 2024, 'MAKEUP_WORKDAY', '清明节调休上班'),
    ('2024-04-28', 2024, 'MAKEUP_WORKDAY', '劳动节调休上班'),
    ('2024-05-11', 2024, 'MAKEUP_WORKDAY', '劳动节调休上班'),
    ('2024-09-14', 2024, 'MAKEUP_WORKDAY', '中秋节调休上班'),
    ('2024-09-29', 2024, 'MAKEUP_WORKDAY', '国庆节调休上班'),
    ('2024-10-12', 2024, 'MAKEUP_WORKDAY', '国庆节调休上班'),
    ('2025-01-26', 2025, 'MAKEUP_WORKDAY', '春节调休上班'),
    ('2025-02-08', 2025, 'MAKEUP_WORKDAY', '春节调休上班'),
    ('2025-04-27', 2025, 'MAKEUP_WORKDAY', '劳动节调休上班'),
    ('2025-09-28', 2025, 'MAKEUP_WORKDAY', '国庆节、中秋节调休上班'),
    ('2025-10-11', 2025, 'MAKEUP_WORKDAY', '国庆节、中秋节调休上班'),
    ('2026-01-04', 2026, 'MAKEUP_WORKDAY', '元旦调休上班'),
    ('2026-02-14', 2026, 'MAKEUP_WORKDAY', '春节调休上班'),
    ('2026-02-28', 2026, 'MAKEUP_WORKDAY', '春节调休上班'),
    ('2026-05-09', 2026, 'MAKEUP_WORKDAY', '劳动节调休上班'),
    ('2026-09-20', 2026, 'MAKEUP_WORKDAY', '国庆节调休上班'),
    ('2026-10-10', 2026, 'MAKEUP_WORKDAY', '国庆节调休上班');
