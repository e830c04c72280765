-- Statistics (issue 9): the records behind the 好差评 metrics are listed by day and id, page by page; this index
-- serves that order (and every "day = …" or "day in (…)" look-up the former rating_day_idx on (day) served).
create index rating_day_id_idx on rating (day, id);
drop index rating_day_idx;
