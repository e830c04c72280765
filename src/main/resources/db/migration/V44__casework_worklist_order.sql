-- The task list reads each role's open cases of a region already in its order (overdue first, then the due
-- date, then the submission), so that a county's list costs a few hundred index entries, not every open case.
drop index case_file_worklist_idx;
create index case_file_worklist_idx on case_file
    (region_id, candidate_role, overdue desc, coalesce(promised_due, receipt_due), submitted_at)
    where concluded_on is null;
