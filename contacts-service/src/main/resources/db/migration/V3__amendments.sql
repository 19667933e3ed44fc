-- A contact is never changed once received: information added later, or a correction, is an amendment.
create table contact_amendment (
    id           uuid primary key,
    contact_id   uuid         not null references contact (id),
    kind         varchar(30)  not null,
    text         text         not null,
    amended_by   varchar(200) not null,
    agency       varchar(100) not null,
    role         varchar(40)  not null,
    amended_at   timestamptz  not null
);
create index contact_amendment_contact on contact_amendment (contact_id, amended_at);
