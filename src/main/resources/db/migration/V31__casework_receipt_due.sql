-- 行政许可法 Art. 32: within 5 working days of receipt the bureau accepts, refuses or sends one correction notice.
alter table case_file add column receipt_due date;
drop index case_file_worklist_idx;
create index case_file_worklist_idx on case_file (region_id, candidate_role, coalesce(promised_due, receipt_due))
    where concluded_on is null;
