-- Information the referrer or the MASH added to a contact after it was received, shown on the case.
create table case_amendment (
    id               uuid primary key,
    case_id          uuid         not null references triage_case (id),
    kind             varchar(30)  not null,
    text             text         not null,
    agency           varchar(100) not null,
    amended_by_role  varchar(40)  not null,
    amended_at       timestamptz  not null
);
create index case_amendment_case on case_amendment (case_id, amended_at);
