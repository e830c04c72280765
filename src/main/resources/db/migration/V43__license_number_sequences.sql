-- Licence numbers come from one PostgreSQL sequence per year and issuing region (licence_seq_<year>_<region>).
-- The row-locked counter they replace kept every other licence of the region waiting until the issuing
-- transaction committed; nextval never waits. A number drawn by an issuing that then rolls back is not
-- used again (numbers stay unique and increasing; a gap is possible). licence_sequence stays as the lock
-- taken while the sequence of a new year or region is created.
do $$
declare
    r record;
begin
    for r in select year, region_id, last_value from licence_sequence loop
        execute format('create sequence licence_seq_%s_%s as bigint minvalue 1 maxvalue 999999 no cycle start %s',
                       r.year, r.region_id, r.last_value + 1);
    end loop;
end $$;
delete from licence_sequence;
alter table licence_sequence drop column last_value;
