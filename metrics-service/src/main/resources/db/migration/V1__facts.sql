-- Facts the figures are counted from, learnt from events. No personal data: pseudonymous ids, codes,
-- bands and timestamps only (never a name, date of birth, address or free text). Every row is keyed by
-- the id in its events and written by upsert, so replaying the topics from the beginning gives the
-- same figures, and events of one contact may arrive in any order.

-- One row per contact that reached triage (case-opened) or was decided (decision-authorised).
create table contact_fact (
    contact_id     uuid primary key,
    case_id        uuid,
    child_ref      varchar(64),
    received_at    timestamptz,
    source_code    varchar(20),
    rag            varchar(10),
    age_band       varchar(10),
    sex            varchar(1),
    ethnicity      varchar(20),
    agency         varchar(100),
    -- when the practitioner proposed the decision (may be unknown)
    decided_at     timestamptz,
    outcome        varchar(40),
    referral       boolean,
    -- when a manager authorised the decision: the decision's date for the figures
    authorised_at  timestamptz
);
create index contact_fact_received on contact_fact (received_at);
create index contact_fact_authorised on contact_fact (authorised_at);

-- One row per section 47 enquiry.
create table s47_fact (
    enquiry_id        uuid primary key,
    contact_id        uuid,
    child_ref         varchar(64),
    started_on        date,
    icpc_target_date  date,
    joint             boolean
);
create index s47_fact_started on s47_fact (started_on);

-- One row per strategy discussion.
create table discussion_fact (
    discussion_id          uuid primary key,
    contact_id             uuid,
    opened_at              timestamptz,
    due_at                 timestamptz,
    held_at                timestamptz,
    within_target          boolean,
    core_agencies_present  boolean,
    outcome                varchar(40)
);
create index discussion_fact_held on discussion_fact (held_at);

-- What was last published for a period, so unchanged figures are not published again.
create table publication_state (
    period_label         varchar(40) primary key,
    last_published_hash  varchar(64) not null,
    last_published_at    timestamptz not null
);
