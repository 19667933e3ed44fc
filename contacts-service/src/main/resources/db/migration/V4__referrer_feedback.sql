-- Feedback to the referrer (every source report names its absence): when the referrer was told the outcome,
-- and how (read it in the referrer's view, or their case system acknowledged our callback).
alter table contact add column referrer_informed_at timestamptz;
alter table contact add column referrer_informed_how varchar(20);

-- An agency whose case system integrates by API registers where outcome notifications go.
create table agency_callback (
    agency         varchar(100) primary key,
    url            varchar(2000) not null,
    secret         varchar(200)  not null,
    registered_by  varchar(200)  not null,
    registered_at  timestamptz   not null
);

-- One outcome notification to an agency's callback, retried with backoff until acknowledged (2xx).
create table callback_delivery (
    id               uuid primary key,
    contact_id       uuid          not null references contact (id),
    agency           varchar(100)  not null,
    url              varchar(2000) not null,
    payload          text          not null,
    created_at       timestamptz   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    acknowledged_at  timestamptz,
    last_error       varchar(1000)
);
create index callback_delivery_due on callback_delivery (next_attempt_at) where acknowledged_at is null;
