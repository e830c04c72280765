-- 一照含证 as the bundle said when the application was made (a bundle edited or withdrawn later does not change
-- which licences an application's business licence carries)
alter table bundle_case_member add column carried_by_licence boolean not null default false;
