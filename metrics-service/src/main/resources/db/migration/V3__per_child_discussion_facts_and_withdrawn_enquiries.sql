-- Siblings reported together (one submissionId) share one strategy discussion: its events come once per
-- child, keyed by each child's contactId and carrying the same discussionId. A discussion fact is one
-- child's record of a discussion, keyed (discussion_id, contact_id), so one child's outcome no longer
-- overwrites another's. (Facts written before this keyed one row per discussion; rebuild from the topics to
-- recover siblings overwritten then.) Attendance stays per discussion: it is the meeting's.
alter table discussion_fact drop constraint discussion_fact_pkey;
alter table discussion_fact alter column contact_id set not null;
alter table discussion_fact add primary key (discussion_id, contact_id);
create index discussion_fact_contact on discussion_fact (contact_id);

-- A section 47 enquiry withdrawn (mash.strategy.s47-withdrawn.v1) no longer counts as started: the first
-- withdrawal time is kept, and a later s47-started for it does not clear it.
alter table s47_fact add column withdrawn_at timestamptz;
