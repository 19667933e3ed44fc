-- One row per child per submission. The submission as received is kept whole in `details` (never changed:
-- corrections are amendments); the columns beside it are what the service queries on.
create table contact (
    id                   uuid primary key,
    submission_id        uuid         not null,
    agency               varchar(100) not null,
    submitted_by         varchar(200) not null,
    channel              varchar(20)  not null,
    source_code          varchar(10)  not null,
    received_at          timestamptz  not null,
    child_first_name     varchar(100) not null,
    child_last_name      varchar(100) not null,
    child_date_of_birth  date,
    child_expected_birth date,
    immediate_danger     boolean      not null,
    details              text         not null,
    status               varchar(20)  not null,
    triage_case_id       uuid,
    in_triage_at         timestamptz,
    outcome              varchar(40),
    decided_at           timestamptz,
    version              bigint       not null default 0
);
create index contact_agency_received on contact (agency, received_at desc);
create index contact_submission on contact (submission_id);
