-- Indexes no query of this service uses: the figures read facts by time (received, authorised, responded, held,
-- started, ICPC held) and by primary key, never by child, nor a check or a discussion by contact alone (re-referrals
-- and repeat contacts are matched in memory over the period's contacts). Each was written on every event: on a
-- rebuild of a million events, contact_fact_child alone grew to 33 MB of random inserts, and the rate fell once
-- the store outgrew the database's buffers. An index is cheap to add back with the query that needs it.
drop index if exists contact_fact_child;
drop index if exists check_fact_contact;
drop index if exists discussion_fact_contact;
