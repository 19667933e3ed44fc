-- One strategy discussion per triage case. The child's identifying details are kept so that participants
-- can recognise the child; they never leave this service in an event.
create table discussion (
    id                    uuid primary key,
    case_id               uuid         not null unique,
    contact_id            uuid         not null,
    child_ref             varchar(64)  not null,
    rag                   varchar(10)  not null check (rag in ('RED', 'AMBER', 'GREEN')),
    child_first_name      varchar(100) not null,
    child_last_name       varchar(100) not null,
    child_date_of_birth   date,
    child_expected_birth  date,
    child_address         text,
    concern_codes         text         not null,
    concern_summary       text         not null,
    opened_at             timestamptz  not null,
    due_at                timestamptz  not null,
    status                varchar(10)  not null check (status in ('OPEN', 'HELD')),
    held_at               timestamptz,
    mode                  varchar(20),
    outcome               varchar(30),
    rationale             text,
    absence_reason        text,
    core_agencies_present boolean,
    version               bigint       not null default 0
);
create index discussion_opened on discussion (opened_at desc);
create index discussion_status_due on discussion (status, due_at);

-- The agencies invited to a discussion; response is PENDING until the discussion is held, then how the
-- agency took part.
create table invitation (
    discussion_id uuid         not null references discussion (id),
    agency        varchar(100) not null,
    response      varchar(20)  not null,
    primary key (discussion_id, agency)
);
create index invitation_agency on invitation (agency, discussion_id);

-- Attendance per agency at a held discussion.
create table attendance (
    discussion_id uuid         not null references discussion (id),
    agency        varchar(100) not null,
    status        varchar(20)  not null check (status in ('ATTENDED', 'SENT_INFORMATION', 'DECLINED', 'NO_RESPONSE')),
    primary key (discussion_id, agency)
);

-- The section 47 enquiry a discussion started (at most one).
create table s47_enquiry (
    id                uuid primary key,
    discussion_id     uuid        not null unique references discussion (id),
    contact_id        uuid        not null,
    child_ref         varchar(64) not null,
    started_on        date        not null,
    icpc_target_date  date        not null,
    joint             boolean     not null
);
