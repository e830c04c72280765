-- Statistics: the records behind the 好差评 and queue figures are read in chunks, in the order of their day and id —
-- the first chunk (a drill-down page, perhaps far down the list) from an offset, each next one after the last key of
-- the one before. These indexes serve that order.
-- The counted ratings (not excluded) with the columns the usual conditions read (region, department, bad reviews):
-- the ids of a page of the whole city, a region or a department come from the index alone, however far down.
create index rating_counted_day_idx on rating (day, id) include (region_id, department_id, level) where not excluded;
-- The tickets by day and id (no index served that order), with what the tickets drawn and called are told by.
create index queue_ticket_day_idx on queue_ticket (day, id) include (hall_id, transferred_from, called_at);
