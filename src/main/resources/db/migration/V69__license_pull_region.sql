-- 授权提取 figures (issue 9, docs/licences.md "Figures"): a pull counts in the region of the window that pulled, kept
-- with the pull (as the window's region was then), and pulls are counted by period.
alter table licence_pull add column window_region_id bigint;
update licence_pull p set window_region_id = u.region_id from org_unit u where u.id = p.window_unit_id;
alter table licence_pull alter column window_region_id set not null;
create index licence_pull_at_idx on licence_pull (pulled_at, window_region_id);
