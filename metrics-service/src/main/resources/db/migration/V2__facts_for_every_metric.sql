-- Facts for every figure of MASH.md 2.4 (issue #6). Still no personal data: pseudonymous ids, codes,
-- bands, booleans and timestamps only; no name, date of birth, address or free text (a test reads this
-- schema from information_schema and fails on any such column). Rows are written by upsert keyed by the
-- ids in the events, so a replay or a redelivery leaves the same rows, in any order of arrival.

alter table contact_fact
    add column submission_id                     uuid,
    add column opened_at                         timestamptz,
    -- the RAG due time of the latest rating (case-opened, case-rerated or the decision), and when it was rated
    add column due_at                            timestamptz,
    add column rated_at                          timestamptz,
    add column one_working_day_due_at            timestamptz,
    add column level_of_need                     integer,
    add column consent_status                    varchar(20),
    add column consent_override_reason_recorded  boolean,
    add column overdue_flagged_at                timestamptz,
    -- when the referring agency was told the outcome (mash.contacts.referrer-informed.v1)
    add column informed_at                       timestamptz,
    add column informed_how                      varchar(10);
create index contact_fact_child on contact_fact (child_ref);

-- The concern codes of a contact (codes/concern-factor.csv), one row each.
create table contact_concern (
    contact_id    uuid not null,
    concern_code  varchar(20) not null,
    primary key (contact_id, concern_code)
);

-- One row per information check to a partner agency.
create table check_fact (
    check_id            uuid primary key,
    case_id             uuid,
    contact_id          uuid,
    agency              varchar(40),
    rag                 varchar(10),
    requested_at        timestamptz,
    due_at              timestamptz,
    responded_at        timestamptz,
    result              varchar(20),
    within_due          boolean,
    overdue_flagged_at  timestamptz
);
create index check_fact_responded on check_fact (responded_at);
create index check_fact_contact on check_fact (contact_id);

alter table discussion_fact
    add column case_id             uuid,
    add column child_ref           varchar(64),
    add column rag                 varchar(10),
    add column superseded_at       timestamptz,
    add column overdue_flagged_at  timestamptz;

-- Attendance per agency at a held strategy discussion.
create table discussion_attendance (
    discussion_id  uuid not null,
    agency         varchar(40) not null,
    status         varchar(20) not null,
    primary key (discussion_id, agency)
);

alter table s47_fact
    add column discussion_id             uuid,
    add column concluded_on              date,
    add column outcome_code              varchar(20),
    add column icpc_required             boolean,
    add column icpc_held_on              date,
    add column icpc_within_target        boolean,
    add column icpc_overdue_flagged_at   timestamptz;
create index s47_fact_icpc_held on s47_fact (icpc_held_on);

-- an agency is a code (police, health, ...): no room for anything else
alter table contact_fact alter column agency type varchar(64);
