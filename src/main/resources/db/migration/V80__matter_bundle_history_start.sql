-- 一件事 publication history (V72) began when V72 ran: the bundles published then were recorded as in force from their
-- last change, and bundles published and withdrawn before were not recorded at all. A moment before that has no
-- reliable bundle figures (docs/catalogue.md, "Reform figures"): the statistics give them no value and say from when
-- the record exists. One row when bundles existed before V72 ran; none on an installation that had none (its record
-- is complete).
create table bundle_history_start (
    only_row    boolean      primary key default true check (only_row),
    started_at  timestamptz  not null
);

do $$
declare
    began timestamptz;
begin
    -- when V72 ran, as Flyway recorded it (its installed_on is a local time of the session's time zone)
    if to_regclass('flyway_schema_history') is not null then
        execute 'select min(installed_on)::timestamptz from flyway_schema_history where version = ''72'''
            into began;
    end if;
    -- without that record: now, which is later (an earlier moment is never taken for a complete one)
    began := coalesce(began, now());
    insert into bundle_history_start (started_at)
    select began where exists (select 1 from bundle where created_at < began);
end $$;
