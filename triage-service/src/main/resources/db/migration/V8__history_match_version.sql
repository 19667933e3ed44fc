-- A practitioner's choice on a history match stands: the row is versioned, so of two choices made at the same
-- moment one is kept and the other is refused (409), never silently overwritten.
alter table history_match add column version bigint not null default 0;
