-- The place of each child in the submission, so that a replayed submission (same Idempotency-Key) answers with the
-- contacts in the order they were first given. Contacts stored before this migration have none and keep the old
-- order (by id) among themselves.
alter table contact add column submission_position smallint;
