-- Each invitation's answer (ACCEPTED / DECLINED / NO_RESPONSE) with who recorded it and when. Attendance at the
-- held discussion stays in the attendance table; the response column no longer repeats it.
alter table invitation
    add column invited_at   timestamptz,
    add column invited_by   varchar(200),
    add column responded_at timestamptz,
    add column responded_by varchar(200);

update invitation set response = case response
    when 'ATTENDED' then 'ACCEPTED'
    when 'SENT_INFORMATION' then 'ACCEPTED'
    when 'DECLINED' then 'DECLINED'
    when 'NO_RESPONSE' then 'NO_RESPONSE'
    else 'PENDING' end;
update invitation i set invited_at = d.opened_at, invited_by = 'strategy-discussion-service'
    from discussion d where d.id = i.discussion_id;

alter table invitation
    alter column invited_at set not null,
    alter column invited_by set not null,
    add constraint invitation_response check (response in ('PENDING', 'ACCEPTED', 'DECLINED', 'NO_RESPONSE'));
