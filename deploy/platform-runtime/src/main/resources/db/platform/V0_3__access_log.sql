-- Every read of a child's record: who, when, which record, in which role (MASH.md section 4).
create table access_log (
    id           bigserial primary key,
    record_type  varchar(40)  not null,
    record_id    uuid         not null,
    username     varchar(200) not null,
    agency       varchar(100),
    roles        varchar(500) not null,
    action       varchar(40)  not null,
    at           timestamptz  not null
);
create index access_log_record on access_log (record_type, record_id, at);
create index access_log_user on access_log (username, at);
