-- A partner's retried submission (same Idempotency-Key, scoped to its agency) is the same submission.
create table idempotency_key (
    agency           varchar(100) not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64)  not null,
    submission_id    uuid         not null,
    created_at       timestamptz  not null,
    primary key (agency, idempotency_key)
);
