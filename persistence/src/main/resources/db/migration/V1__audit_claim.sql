-- The claim audit history: one append-only row per recorded validation.
-- Patient identifiers never reach this table: patient_key is HMAC-SHA-256(secret, tenant || 0x00 || id).
create table audit_claim (
    audit_id         uuid        primary key,
    tenant           text        not null,
    claim_id         text        not null,
    version          integer     not null check (version >= 1),
    patient_key      text        not null,
    request_hash     text        not null,
    received_at      timestamptz not null,
    date_of_service  date        not null,
    payer_id         text,
    payer_type       text,
    cpts             text[]      not null,
    diagnoses        text[]      not null,
    verdict          text        not null check (verdict in ('PASS', 'WARN', 'FAIL')),
    ruleset_version  text        not null,
    request          jsonb       not null,
    result           jsonb       not null,
    constraint audit_claim_version_unique unique (tenant, claim_id, version),
    constraint audit_claim_request_unique unique (tenant, claim_id, request_hash)
);

-- Newest-first listing per tenant (keyset pagination on received_at, audit_id).
create index audit_claim_tenant_received on audit_claim (tenant, received_at desc, audit_id desc);
-- A patient's history (follow-up inference, screening intervals).
create index audit_claim_tenant_patient on audit_claim (tenant, patient_key, date_of_service desc);

-- Audit rows are evidence: the database itself refuses to change or remove them.
create function audit_claim_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_claim_no_update_or_delete
    before update or delete on audit_claim
    for each row execute function audit_claim_refuse_change();

create trigger audit_claim_no_truncate
    before truncate on audit_claim
    for each statement execute function audit_claim_refuse_change();
