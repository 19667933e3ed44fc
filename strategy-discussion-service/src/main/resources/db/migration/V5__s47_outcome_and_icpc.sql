-- The end of a section 47 enquiry: its outcome (codes/s47-outcome.csv), whether an initial child protection
-- conference follows (outcome ICPC) and, later, the date the ICPC was held.
alter table s47_enquiry
    add column concluded_on     date,
    add column outcome_code     varchar(40),
    add column icpc_required    boolean,
    add column concluded_by     varchar(200),
    add column concluded_at     timestamptz,
    add column icpc_held_on     date,
    add column icpc_recorded_by varchar(200),
    add column icpc_recorded_at timestamptz,
    add constraint s47_enquiry_concluded check ((concluded_on is null) = (outcome_code is null)
                                                and (concluded_on is null) = (icpc_required is null)),
    add constraint s47_enquiry_icpc check (icpc_held_on is null or icpc_required);
