-- Transactional outbox: an event is written in the same transaction as the change it describes,
-- and relayed to Kafka afterwards (at least once, in order per key). See docs/events.md.
create table outbox_event (
    id              uuid primary key,
    topic           varchar(200) not null,
    message_key     varchar(200) not null,
    type            varchar(200) not null,
    payload         text         not null,
    correlation_id  varchar(100),
    created_at      timestamptz  not null,
    seq             bigserial    not null,
    published_at    timestamptz,
    attempts        integer      not null default 0,
    last_error      varchar(1000)
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
