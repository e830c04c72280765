-- Working-day calendar (module calendar): one row per published year, one row per special day.
-- A day is a working day iff (Monday-Friday and not a HOLIDAY) or a MAKEUP_WORKDAY.
-- Ordinary weekdays and weekends are not stored: only what the State Council's notice changes.

create table calendar_year (
    year            integer      not null primary key check (year between 1900 and 2200),
    source_document varchar(300) not null check (length(trim(source_document)) > 0),
    version         bigint       not null default 0,
    updated_at      timestamptz  not null default now()
);

comment on table calendar_year is '已录入工作日历的年度；source_document 为国务院办公厅节假日安排通知';
comment on column calendar_year.version is '每次修改加一：应用节点据此判断内存缓存是否过期';

create table calendar_day (
    date  date        not null primary key,
    year  integer     not null references calendar_year (year) on delete cascade,
    kind  varchar(20) not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
    name  varchar(50) not null check (length(trim(name)) > 0),
    constraint calendar_day_in_its_year check (extract(year from date) = year),
    constraint calendar_day_makeup_on_weekend check (kind <> 'MAKEUP_WORKDAY' or extract(isodow from date) in (6, 7))
);

create index calendar_day_by_year on calendar_day (year);

comment on table calendar_day is '节假日（HOLIDAY）与调休上班日（MAKEUP_WORKDAY）';
