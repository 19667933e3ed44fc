-- Actions agreed at the discussion, each owned by an agency with a due date; done when completed.
create table discussion_action (
    id              uuid primary key,
    discussion_id   uuid          not null references discussion (id),
    contact_id      uuid,
    description     text          not null,
    agency          varchar(100)  not null,
    due_on          date          not null,
    created_by      varchar(200)  not null,
    created_at      timestamptz   not null,
    completed_at    timestamptz,
    completed_by    varchar(200),
    completion_note text
);
create index discussion_action_discussion on discussion_action (discussion_id, due_on);
create index discussion_action_open on discussion_action (due_on) where completed_at is null;

-- The minutes of a held discussion, and when they went to which agency and recipient.
alter table discussion
    add column minutes             text,
    add column minutes_recorded_by varchar(200),
    add column minutes_recorded_at timestamptz;

create table minutes_circulation (
    id            uuid primary key,
    discussion_id uuid         not null references discussion (id),
    agency        varchar(100) not null,
    recipient     varchar(200) not null,
    sent_at       timestamptz  not null,
    recorded_by   varchar(200) not null,
    recorded_at   timestamptz  not null
);
create index minutes_circulation_discussion on minutes_circulation (discussion_id, sent_at);
