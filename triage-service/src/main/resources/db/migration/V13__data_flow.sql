-- The daily data flow to the Department for Education (returns.md section 2): what was last queued for each child
-- (their whole record, so that only what changed is sent next), each run, and each call (at most 100 records) with
-- the receipts the department gave. A call's payload holds personal data until it is accepted, then it is cleared.
create table data_flow_child (
    la_child_id  varchar(20)  primary key,
    record       text         not null,
    queued_at    timestamptz  not null
);
create table data_flow_run (
    id            uuid          primary key,
    started_at    timestamptz   not null,
    trigger       varchar(10)   not null,
    requested_by  varchar(200),
    children      int           not null,
    records       int           not null,
    purged        int           not null,
    batches       int           not null
);
create sequence data_flow_batch_seq;
create table data_flow_batch (
    id               uuid          primary key,
    run_id           uuid          not null references data_flow_run (id),
    seq              bigint        not null unique,
    records          int           not null,
    -- the local child ids it carries: a refused call's children are sent whole at the next run
    child_ids        text          not null,
    payload          text,
    status           varchar(10)   not null check (status in ('PENDING', 'SENT', 'REFUSED')),
    attempts         int           not null default 0,
    next_attempt_at  timestamptz   not null,
    last_error       varchar(300),
    receipts         text,
    sent_at          timestamptz
);
create index data_flow_batch_pending on data_flow_batch (seq) where status = 'PENDING';
