-- Information checks with partner agencies: the request (with the context of the concern) and the answer stay here;
-- events carry only who was asked, when and by when.
create table partner_check (
    id                  uuid primary key,
    case_id             uuid          not null references triage_case (id),
    agency              varchar(40)   not null,
    question            text          not null,
    rag                 varchar(10)   not null,
    requested_by        varchar(200)  not null,
    requested_at        timestamptz   not null,
    due_at              timestamptz   not null,
    result              varchar(20),
    information         text,
    responded_by        varchar(200),
    responded_at        timestamptz,
    overdue_flagged_at  timestamptz,
    version             bigint        not null default 0
);
create index partner_check_case on partner_check (case_id, requested_at);
-- a partner officer's list: their agency's checks, unanswered first by due time
create index partner_check_agency on partner_check (agency, due_at);
-- the overdue watch: unanswered, not yet flagged
create index partner_check_due_unflagged on partner_check (due_at) where responded_at is null and overdue_flagged_at is null;

-- The queue shows a case's unanswered checks and those of them that are overdue, without a join.
alter table triage_case add column checks_pending integer not null default 0;
alter table triage_case add column checks_overdue integer not null default 0;
create index triage_case_checks_overdue on triage_case (due_at) where status <> 'DECIDED' and checks_overdue > 0;

-- Every action on a case, with who (user name and role) and when: the case's timeline.
create table case_activity (
    id        uuid primary key,
    case_id   uuid          not null references triage_case (id),
    action    varchar(40)   not null,
    actor     varchar(200)  not null,
    role      varchar(40)   not null,
    at        timestamptz   not null,
    detail    text,
    seq       bigserial     not null
);
create index case_activity_case on case_activity (case_id, at, seq);

-- The timeline of the cases that exist already, from what they recorded.
insert into case_activity (id, case_id, action, actor, role, at, detail)
select gen_random_uuid(), id, 'RECEIVED', agency, 'referrer', received_at, 'contact received from ' || agency from triage_case;
insert into case_activity (id, case_id, action, actor, role, at, detail)
select gen_random_uuid(), case_id, 'RATED', rated_by, case when rated_by = 'system' then 'system' else 'mash-practitioner' end,
       rated_at, rag || ': ' || rationale from rag_rating;
insert into case_activity (id, case_id, action, actor, role, at, detail)
select gen_random_uuid(), case_id, 'AMENDED', agency, amended_by_role, amended_at, kind || ': ' || text from case_amendment;
insert into case_activity (id, case_id, action, actor, role, at, detail)
select gen_random_uuid(), id, 'PROPOSED', proposed_by, 'mash-practitioner', proposed_at, proposed_outcome || ': ' || proposed_rationale
from triage_case where proposed_at is not null;
insert into case_activity (id, case_id, action, actor, role, at, detail)
select gen_random_uuid(), id, 'AUTHORISED', authorised_by, 'mash-manager', authorised_at, decided_outcome
from triage_case where authorised_at is not null;
insert into case_activity (id, case_id, action, actor, role, at, detail)
select gen_random_uuid(), id, 'OVERDUE', 'system', 'system', overdue_flagged_at, 'passed its due time undecided'
from triage_case where overdue_flagged_at is not null;
