-- The child record (person index): every case belongs to a child, who has a stable local child id (the returns'
-- LAchildID: letters and digits, at most 20). A contact is linked to the child of an earlier contact when the match
-- is certain (the same NHS number); each link is recorded with how it was made, by whom and when.
create sequence child_local_number;
create table child (
    id            uuid primary key,
    local_id      varchar(20)  not null unique check (local_id ~ '^[A-Za-z0-9]{1,20}$'),
    created_at    timestamptz  not null,
    -- a record made twice for one child is merged into the other: it keeps its id, answers with where it went
    merged_into   uuid references child (id),
    merged_at     timestamptz,
    merged_by     varchar(200),
    merge_reason  varchar(500),
    version       bigint       not null default 0
);
-- one child per NHS number: the unique key makes two contacts about one child, arriving at once, find one record
create table child_nhs_number (
    nhs_number  varchar(10)  primary key,
    child_id    uuid         not null references child (id)
);
alter table triage_case add column child_id uuid references child (id);
-- the child's local id on the case too, so a queue or a case shows it without a join (it never changes for a child)
alter table triage_case add column child_local_id varchar(20);
create index triage_case_child on triage_case (child_id, received_at);
create table child_link (
    id        uuid primary key,
    case_id   uuid          not null references triage_case (id),
    child_id  uuid          not null references child (id),
    action    varchar(10)   not null,
    method    varchar(30)   not null,
    actor     varchar(200)  not null,
    reason    varchar(500),
    at        timestamptz   not null
);
create index child_link_case on child_link (case_id, at);

-- the cases there are already: one child per NHS number, else one per case
alter table child add column backfill_key text;
insert into child (id, local_id, created_at, backfill_key)
select gen_random_uuid(), 'C' || lpad(nextval('child_local_number')::text, 9, '0'), first_received, key
from (select coalesce(child_nhs_number, id::text) as key, min(received_at) as first_received
      from triage_case group by 1 order by 2) k;
update triage_case c set child_id = ch.id from child ch where ch.backfill_key = coalesce(c.child_nhs_number, c.id::text);
insert into child_nhs_number (nhs_number, child_id)
select backfill_key, id from child where backfill_key ~ '^[0-9]{10}$';
insert into child_link (id, case_id, child_id, action, method, actor, reason, at)
select gen_random_uuid(), c.id, c.child_id, 'LINKED',
       case when c.child_nhs_number is null then 'NEW_CHILD' else 'NHS_NUMBER' end, 'system', 'existing case', now()
from triage_case c;
update triage_case c set child_local_id = ch.local_id from child ch where ch.id = c.child_id;
alter table child drop column backfill_key;
alter table triage_case alter column child_id set not null;
alter table triage_case alter column child_local_id set not null;
