-- Every RAG rating of a case, the suggestion included: re-rating adds a row, never overwrites one.
create table rag_rating (
    id          uuid primary key,
    case_id     uuid         not null references triage_case (id),
    rag         varchar(10)  not null,
    rationale   text         not null,
    rated_by    varchar(200) not null,
    rated_at    timestamptz  not null
);
create index rag_rating_case on rag_rating (case_id, rated_at);

-- Existing cases keep their suggested rating as the first row.
insert into rag_rating (id, case_id, rag, rationale, rated_by, rated_at)
select gen_random_uuid(), id, rag_suggested, 'suggested from the contact', 'system', opened_at from triage_case;

create index triage_case_assignee on triage_case (assignee) where status <> 'DECIDED';
