-- What the Children in Need census and the daily data flow need of a case beyond the queue's columns.

-- The child's census details as the contact gave them (contact-received v1.1/v1.2 optional fields): the unique pupil
-- number or why it is unknown, and the disabilities (comma-separated codes, NONE when none; null when not given).
alter table triage_case add column child_upn varchar(13);
alter table triage_case add column child_upn_unknown varchar(3);
alter table triage_case add column child_disabilities varchar(200);
update triage_case set
    child_upn = contact_record::jsonb #>> '{child,upn}',
    child_upn_unknown = contact_record::jsonb #>> '{child,upnUnknown}',
    child_disabilities = coalesce(
        (select string_agg(d, ',') from jsonb_array_elements_text(
            case when jsonb_typeof(contact_record::jsonb #> '{child,disabilities}') = 'array'
                 then contact_record::jsonb #> '{child,disabilities}' else '[]'::jsonb end) d),
        contact_record::jsonb #>> '{child,disability}');

-- A strategy discussion about the case's child (the strategy-discussion service's events, mash.strategy.v1): when it
-- was opened and held, and the decision for this child (the latest, when a later decision superseded one).
create table case_discussion (
    id             uuid primary key,
    discussion_id  uuid        not null,
    case_id        uuid        not null references triage_case (id),
    opened_at      timestamptz,
    due_at         timestamptz,
    held_at        timestamptz,
    outcome        varchar(20),
    superseded_at  timestamptz,
    unique (discussion_id, case_id)
);
create index case_discussion_case on case_discussion (case_id);

-- A section 47 enquiry about the case's child: started on the date of the strategy discussion, its initial child
-- protection conference (ICPC) target 15 working days on; concluded with an outcome (ICPC required or not), the ICPC
-- held, or withdrawn (a later decision: it then no longer counts and is left out of the returns).
create table case_enquiry (
    enquiry_id     uuid primary key,
    discussion_id  uuid        not null,
    case_id        uuid        not null references triage_case (id),
    started_on     date        not null,
    icpc_target    date,
    joint          boolean,
    concluded_on   date,
    outcome_code   varchar(10),
    icpc_required  boolean,
    icpc_held_on   date,
    withdrawn_at   timestamptz
);
create index case_enquiry_case on case_enquiry (case_id);
