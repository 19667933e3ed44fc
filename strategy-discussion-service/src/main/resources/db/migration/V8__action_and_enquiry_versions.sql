-- Optimistic locking of actions and section 47 enquiries: two concurrent completions, conclusions or ICPC dates
-- of one row cannot both succeed (the later answers 409), and a writer cannot reset what another committed.
alter table discussion_action add column version bigint not null default 0;
alter table s47_enquiry add column version bigint not null default 0;
