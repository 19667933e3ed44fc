-- Consent to share information: every recording kept, with who and when; an override waits for a manager.
create table consent_record (
    id             uuid primary key,
    case_id        uuid          not null references triage_case (id),
    status         varchar(20)   not null,
    reason         text,
    recorded_by    varchar(200)  not null,
    recorded_role  varchar(40)   not null,
    recorded_at    timestamptz   not null,
    authorised_by  varchar(200),
    authorised_at  timestamptz
);
create index consent_record_case on consent_record (case_id, recorded_at);
alter table triage_case add column consent_status varchar(20) not null default 'NOT_RECORDED';
-- the record behind the status in effect, and an override waiting for a manager
alter table triage_case add column consent_record_id uuid;
alter table triage_case add column consent_pending_id uuid;

-- The level of need on the threshold framework, with rationale; every recording kept.
create table level_of_need_record (
    id           uuid primary key,
    case_id      uuid          not null references triage_case (id),
    level        integer       not null check (level between 1 and 4),
    rationale    text          not null,
    recorded_by  varchar(200)  not null,
    recorded_at  timestamptz   not null
);
create index level_of_need_record_case on level_of_need_record (case_id, recorded_at);
alter table triage_case add column level_of_need integer;
