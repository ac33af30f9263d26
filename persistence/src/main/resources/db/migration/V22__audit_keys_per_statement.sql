-- The key rows of audit_claim (V21) are written once per INSERT statement instead of once per row: the row trigger ran
-- its own INSERT, executor start to end, for every audit row, a sixth of PostgreSQL's CPU while claims were recorded
-- (docs/PERFORMANCE.md, "The low-latency path"). A statement trigger on the partitioned table sees every row the
-- statement routed to any partition in its transition table. Rows inserted straight into a partition bypass it, as
-- no code does: the service, the backfill and the retention command insert into audit_claim; the month moves of
-- V21 copy into tables not yet attached, whose key rows exist already. A key that collides (a version taken by a
-- concurrent writer) still fails the INSERT with the same unique violations, now at the end of the statement.
drop trigger audit_claim_key on audit_claim;
drop function audit_claim_record_key();

create function audit_claim_record_keys() returns trigger
    language plpgsql as
$$
begin
    insert into audit_claim_key (audit_id, tenant, claim_id, version, request_hash, received_at)
    select audit_id, tenant, claim_id, version, request_hash, received_at from inserted_rows;
    return null;
end;
$$;

create trigger audit_claim_keys after insert on audit_claim
    referencing new table as inserted_rows
    for each statement execute function audit_claim_record_keys();
