-- History matching: the child's and the household's earlier contacts, found through indexed columns.
-- Names are normalised as in Names.normalise (lower case, no accents, punctuation or spaces); for the rows that exist
-- already the SQL below strips the accents of the common Latin letters (others are dropped: close enough for old rows).
alter table triage_case add column child_first_norm varchar(100);
alter table triage_case add column child_last_norm varchar(100);
alter table triage_case add column child_postcode_norm varchar(12);
-- when the case's history was matched (once, on its first read; the practitioner's choices are kept from then on)
alter table triage_case add column history_matched_at timestamptz;
update triage_case set
    child_first_norm = regexp_replace(translate(lower(child_first_name), 'àáâãäåāăąçćčďèéêëēěęìíîïīłñńňòóôõöøōőřśšşťùúûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeiiiiilnnnoooooooorssstuuuuuuuyyzzz'), '[^a-z0-9]', '', 'g'),
    child_last_norm = regexp_replace(translate(lower(child_last_name), 'àáâãäåāăąçćčďèéêëēěęìíîïīłñńňòóôõöøōőřśšşťùúûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeiiiiilnnnoooooooorssstuuuuuuuyyzzz'), '[^a-z0-9]', '', 'g'),
    child_postcode_norm = nullif(regexp_replace(upper(coalesce(child_address::jsonb ->> 'postcode', '')), '[^A-Z0-9]', '', 'g'), '');
create index triage_case_history_nhs on triage_case (child_nhs_number, received_at) where child_nhs_number is not null;
create index triage_case_history_name_dob on triage_case (child_last_norm, child_date_of_birth, received_at);
create index triage_case_history_name_postcode on triage_case (child_last_norm, child_postcode_norm, received_at);

-- The household and significant others named in each contact.
create table household_member (
    id             uuid primary key,
    case_id        uuid          not null references triage_case (id),
    received_at    timestamptz   not null,
    first_name     varchar(100)  not null,
    last_name      varchar(100)  not null,
    first_norm     varchar(100)  not null,
    last_norm      varchar(100)  not null,
    date_of_birth  date,
    relationship   varchar(40)   not null,
    postcode_norm  varchar(12)
);
create index household_member_case on household_member (case_id);
create index household_member_name_dob on household_member (last_norm, date_of_birth, received_at);
create index household_member_name_postcode on household_member (last_norm, postcode_norm, received_at);
insert into household_member (id, case_id, received_at, first_name, last_name, first_norm, last_norm, date_of_birth,
                              relationship, postcode_norm)
select gen_random_uuid(), c.id, c.received_at, m ->> 'firstName', m ->> 'lastName',
       regexp_replace(translate(lower(m ->> 'firstName'), 'àáâãäåāăąçćčďèéêëēěęìíîïīłñńňòóôõöøōőřśšşťùúûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeiiiiilnnnoooooooorssstuuuuuuuyyzzz'), '[^a-z0-9]', '', 'g'),
       regexp_replace(translate(lower(m ->> 'lastName'), 'àáâãäåāăąçćčďèéêëēěęìíîïīłñńňòóôõöøōőřśšşťùúûüūůűýÿźżž', 'aaaaaaaaacccdeeeeeeeiiiiilnnnoooooooorssstuuuuuuuyyzzz'), '[^a-z0-9]', '', 'g'),
       (m ->> 'dateOfBirth')::date, m ->> 'relationship',
       nullif(regexp_replace(upper(coalesce(m -> 'address' ->> 'postcode', c.child_address::jsonb ->> 'postcode', '')),
                             '[^A-Z0-9]', '', 'g'), '')
from triage_case c
cross join lateral jsonb_array_elements(case when jsonb_typeof(c.contact_record::jsonb -> 'household') = 'array'
                                             then c.contact_record::jsonb -> 'household' else '[]'::jsonb end) m
where m ->> 'firstName' is not null and m ->> 'lastName' is not null and m ->> 'relationship' is not null;

-- A suggested match of someone in this case (the child, or a household member) to an earlier case, and the
-- practitioner's choice (confirmed / rejected) with who and when.
create table history_match (
    id                    uuid primary key,
    case_id               uuid           not null references triage_case (id),
    subject_member_id     uuid           references household_member (id),
    matched_case_id       uuid           not null references triage_case (id),
    matched_member_id     uuid           references household_member (id),
    method                varchar(30)    not null,
    confidence            double precision not null,
    band                  varchar(10)    not null,
    status                varchar(10)    not null,
    decided_by            varchar(200),
    decided_at            timestamptz
);
create index history_match_case on history_match (case_id);
