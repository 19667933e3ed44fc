-- Late work is flagged once: a discussion not held by its due time, an action not done by the end of its due
-- date, an ICPC not held by the end of its target date. The flag is stored with the item-overdue event (outbox),
-- so a restart does not publish it again.
alter table discussion add column overdue_flagged_at timestamptz;
alter table discussion_action add column overdue_flagged_at timestamptz;
alter table s47_enquiry add column icpc_overdue_flagged_at timestamptz;
create index discussion_overdue_unflagged on discussion (due_at) where status = 'OPEN' and overdue_flagged_at is null;
create index discussion_action_overdue_unflagged on discussion_action (due_on)
    where completed_at is null and overdue_flagged_at is null;
create index s47_enquiry_icpc_unflagged on s47_enquiry (icpc_target_date)
    where icpc_held_on is null and icpc_overdue_flagged_at is null and withdrawn_at is null;
