-- Reliability of the event plumbing (docs/reliability.md).

-- 1. Events leave in commit order. seq used to be taken at insert, so a transaction that inserted first but
-- committed last could have its event overtaken. Now seq is taken at commit: a deferred constraint trigger runs as
-- the transaction commits, takes a transaction-level advisory lock (held until the commit is visible) and numbers
-- the transaction's events. The next committer waits for the lock, so seq order is commit order, and the relay
-- never sees an event while an earlier-numbered one is still to come. The lock is held only for the commit itself.
-- Lock key: (1296126792 = 'MASH', 1), see ClusterLock.
alter table outbox_event alter column seq drop default;
alter table outbox_event alter column seq drop not null;
create function outbox_event_number_at_commit() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock(1296126792, 1);
    update outbox_event set seq = nextval('outbox_event_seq_seq') where id = new.id;
    return null;
end
$$;
create constraint trigger outbox_event_commit_order after insert on outbox_event
    deferrable initially deferred for each row execute function outbox_event_number_at_commit();

-- 2. An event Kafka can never take (too large, a topic the service may not write) is parked with its error instead
-- of holding back every later event of the service; later events of the same key wait behind it, so a contact's
-- events stay in order. An operator retries it (parked_at cleared) or discards it, with who and why.
alter table outbox_event add column parked_at timestamptz;
alter table outbox_event add column discarded_at timestamptz;
alter table outbox_event add column discarded_by varchar(200);
alter table outbox_event add column discard_reason varchar(2000);
drop index outbox_event_pending;
create index outbox_event_pending on outbox_event (seq)
    where published_at is null and parked_at is null and discarded_at is null;
create index outbox_event_parked on outbox_event (topic, message_key, seq)
    where parked_at is not null and published_at is null and discarded_at is null;
-- old published events are pruned after a retention period (Retention)
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
create index processed_event_processed_at on processed_event (processed_at);

-- 3. Records this service's consumers set aside (its dead-letter topic), copied here by the dead-letter indexer so an
-- operator can list them with their reason and replay them once the cause is mended. The value is kept as bytes: a
-- poison record may hold what text columns cannot (a NUL). The list API never shows the value (it may be a child's
-- record); it shows the key, the event id and type, and the reason.
create table dead_letter (
    id                  uuid primary key,
    dlq_topic           varchar(200)  not null,
    dlq_partition       integer       not null,
    dlq_offset          bigint        not null,
    original_topic      varchar(200),
    original_partition  integer,
    original_offset     bigint,
    message_key         varchar(200),
    event_id            varchar(200),
    event_type          varchar(200),
    value               bytea,
    reason              text          not null,
    cause               text,
    dead_lettered_at    timestamptz   not null,
    status              varchar(10)   not null,
    replay_attempts     integer       not null default 0,
    last_replay_error   text,
    resolved_at         timestamptz,
    resolved_by         varchar(200),
    resolution_note     varchar(2000),
    version             bigint        not null default 0,
    unique (dlq_topic, dlq_partition, dlq_offset)
);
create index dead_letter_status on dead_letter (status, dead_lettered_at);
