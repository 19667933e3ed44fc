-- Every Children in Need census file produced: its year, its serial number in that year (the header's SerialNo), when
-- and by whom, and what it held. No personal data: counts only.
create table census_export (
    id            uuid primary key,
    census_year   varchar(7)    not null,
    serial        int           not null,
    generated_at  timestamptz   not null,
    generated_by  varchar(200)  not null,
    children      int           not null,
    referrals     int           not null,
    errors        int           not null,
    queries       int           not null,
    unique (census_year, serial)
);
