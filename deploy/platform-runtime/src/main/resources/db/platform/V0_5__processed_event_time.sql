-- The time of each applied event (its CloudEvent "time"), so a service can say how fresh what it shows is: the newest
-- event it has applied. Rows applied before this migration have none.
alter table processed_event add column event_time timestamptz;
create index processed_event_consumer_event_time on processed_event (consumer, event_time);
