-- What each invited agency shares before or during the discussion, and its risk grading. contact_id names
-- the child of a sibling group the grading is about (null: every child of the discussion).
create table contribution (
    id            uuid primary key,
    discussion_id uuid         not null references discussion (id),
    agency        varchar(100) not null,
    contact_id    uuid,
    information   text         not null,
    risk_grading  varchar(30)  not null check (risk_grading in ('LOW', 'MEDIUM', 'HIGH', 'SIGNIFICANT_HARM_LIKELY')),
    recorded_by   varchar(200) not null,
    recorded_at   timestamptz  not null
);
create index contribution_discussion on contribution (discussion_id, recorded_at);
