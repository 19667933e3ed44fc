-- Every code and agency column fits every valid value. A section 47 outcome code (codes/s47-outcome.csv) is up
-- to 23 characters (NFA_CONTINUE_ASSESSMENT): the column is as wide as the strategy service's (40). An agency
-- name is capped at 40 characters by the strategy service: every agency column is at least that wide (check_fact
-- and discussion_attendance already are; contact_fact.agency is 64). Still no column wider than 64.
alter table s47_fact alter column outcome_code type varchar(40);
