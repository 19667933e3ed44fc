-- One triage case per contact. The child's record is held in full here (the triage service is one of the two
-- services that hold it); events leaving the service carry only pseudonymous ids, codes, bands and times.
create table triage_case (
    id                       uuid primary key,
    contact_id               uuid         not null unique,
    submission_id            uuid,
    received_at              timestamptz  not null,
    opened_at                timestamptz  not null,
    source_code              varchar(10)  not null,
    agency                   varchar(100) not null,
    concern_codes            varchar(300) not null,
    description              text         not null,
    immediate_danger         boolean      not null,
    rag                      varchar(10)  not null,
    rag_suggested            varchar(10)  not null,
    due_at                   timestamptz  not null,
    one_working_day_due_at   timestamptz  not null,
    child_ref                varchar(64)  not null,
    child_first_name         varchar(100) not null,
    child_last_name          varchar(100) not null,
    child_date_of_birth      date,
    child_expected_birth     date,
    child_sex                varchar(1)   not null,
    child_ethnicity          varchar(10),
    child_nhs_number         varchar(10),
    child_address            text,
    contact_record           text         not null,
    status                   varchar(20)  not null,
    assignee                 varchar(200),
    proposed_outcome         varchar(40),
    proposed_rationale       text,
    proposed_primary_need    varchar(10),
    proposed_by              varchar(200),
    proposed_at              timestamptz,
    return_comment           text,
    decided_outcome          varchar(40),
    authorised_by            varchar(200),
    authorised_at            timestamptz,
    version                  bigint       not null default 0
);
-- the queue: open work by due time
create index triage_case_queue on triage_case (due_at) where status <> 'DECIDED';
create index triage_case_child_ref on triage_case (child_ref);
