-- Idempotent consumers: an event id is recorded in the same transaction as its effect,
-- so the same event delivered twice has one effect.
create table processed_event (
    event_id      varchar(200) not null,
    consumer      varchar(100) not null,
    event_type    varchar(200) not null,
    processed_at  timestamptz  not null,
    primary key (event_id, consumer)
);
