-- What the case management system adds to the census, from its CSV import (keyed in the file by the local child id
-- and the referral date, kept here by the referral's case, so a merge of two child records keeps it): the referral's
-- closure, its assessments, the child's death.
create table case_system_episode (
    case_id         uuid          primary key references triage_case (id),
    closure_date    date,
    closure_reason  varchar(4),
    imported_at     timestamptz   not null,
    imported_by     varchar(200)  not null
);
create table case_system_assessment (
    id                  uuid  primary key,
    case_id             uuid  not null references triage_case (id),
    start_date          date  not null,
    authorisation_date  date,
    unique (case_id, start_date)
);
alter table child add column death_date date;
