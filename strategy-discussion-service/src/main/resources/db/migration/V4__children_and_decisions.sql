-- A discussion (the meeting) is about one child or a sibling group: each child is a row here, with the details
-- participants need to identify them. The discussion's own child_* columns keep the first child, as before.
alter table discussion add column submission_id uuid;
create index discussion_submission_open on discussion (submission_id) where status = 'OPEN' and submission_id is not null;

create table discussion_child (
    discussion_id    uuid         not null references discussion (id),
    contact_id       uuid         not null,
    case_id          uuid         not null unique,
    child_ref        varchar(64)  not null,
    rag              varchar(10)  not null check (rag in ('RED', 'AMBER', 'GREEN')),
    first_name       varchar(100) not null,
    last_name        varchar(100) not null,
    date_of_birth    date,
    expected_birth   date,
    address          text,
    concern_codes    text         not null,
    concern_summary  text         not null,
    joined_at        timestamptz  not null,
    primary key (discussion_id, contact_id)
);
insert into discussion_child (discussion_id, contact_id, case_id, child_ref, rag, first_name, last_name, date_of_birth,
                              expected_birth, address, concern_codes, concern_summary, joined_at)
    select id, contact_id, case_id, child_ref, rag, child_first_name, child_last_name, child_date_of_birth,
           child_expected_birth, child_address, concern_codes, concern_summary, opened_at from discussion;

-- The chair's decision per child. A decision is never changed: a later one supersedes it (supersedes_id, with
-- the reason), and the earlier one is marked superseded. At most one current decision per child.
create table decision (
    id                  uuid primary key,
    discussion_id       uuid         not null,
    contact_id          uuid         not null,
    outcome             varchar(30)  not null check (outcome in ('S47_SINGLE_AGENCY', 'S47_JOINT', 'CSC_ASSESSMENT', 'NFA', 'OTHER')),
    rationale           text         not null,
    safety_plan         text,
    recorded_by         varchar(200) not null,
    recorded_at         timestamptz  not null,
    supersedes_id       uuid references decision (id),
    supersession_reason text,
    superseded_at       timestamptz,
    superseded_by_id    uuid,
    foreign key (discussion_id, contact_id) references discussion_child (discussion_id, contact_id),
    check ((supersedes_id is null) = (supersession_reason is null))
);
create unique index decision_current on decision (discussion_id, contact_id) where superseded_at is null;
insert into decision (id, discussion_id, contact_id, outcome, rationale, recorded_by, recorded_at)
    select gen_random_uuid(), id, contact_id, outcome, rationale, 'unknown (recorded before decisions per child)', held_at
    from discussion where status = 'HELD';

-- One enquiry per child of a discussion (a withdrawn one, after its decision was superseded, stays on record).
alter table s47_enquiry drop constraint s47_enquiry_discussion_id_key;
alter table s47_enquiry add column withdrawn_at timestamptz;
create unique index s47_enquiry_child on s47_enquiry (discussion_id, contact_id) where withdrawn_at is null;
