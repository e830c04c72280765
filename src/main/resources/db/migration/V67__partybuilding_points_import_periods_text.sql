-- 党建: the months an import of study points covered (e.g. 2019-03,2019-04,…) were limited to 400 characters, so a
-- file of more than 50 months (a member's history) was refused by the database after it had passed every check.
alter table party_points_import alter column periods type text;
