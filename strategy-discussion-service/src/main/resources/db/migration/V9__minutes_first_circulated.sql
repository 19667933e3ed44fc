-- When the minutes first went out: set by the first circulation, in the discussion's row, so the row's version
-- rises and a correction of the minutes racing it fails (409) instead of changing what was sent.
alter table discussion add column minutes_first_circulated_at timestamptz;
update discussion d set minutes_first_circulated_at =
    (select min(m.sent_at) from minutes_circulation m where m.discussion_id = d.id);
