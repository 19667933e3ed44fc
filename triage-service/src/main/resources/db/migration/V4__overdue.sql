-- Late work is visible: when a case passes its due time undecided it is flagged, and its event published, once.
alter table triage_case add column overdue_flagged_at timestamptz;
create index triage_case_due_unflagged on triage_case (due_at) where status <> 'DECIDED' and overdue_flagged_at is null;
