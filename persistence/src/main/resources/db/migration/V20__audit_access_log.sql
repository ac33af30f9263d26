-- Who read which audit data, and when: one append-only row per read of the audit history that may
-- touch patient data (HIPAA Security Rule 45 CFR 164.312(b), audit controls). Versioned well above
-- the other migrations so that migrations added meanwhile keep their numbers.
-- No patient identifier in clear: patient_key is the HMAC the audit history uses (audit_claim.patient_key).
create table audit_access (
    access_id    uuid        primary key,
    tenant       text        not null,
    at           timestamptz not null,
    subject      text        not null,
    endpoint     text        not null,
    claim_id     text,
    patient_key  text,
    finding_id   uuid,
    query        text
);

-- Newest first per tenant, keyset-paginated on (at, access_id); and by subject.
create index audit_access_tenant_at on audit_access (tenant, at desc, access_id desc);
create index audit_access_tenant_subject_at on audit_access (tenant, subject, at desc, access_id desc);

-- Evidence, like audit_claim: the database itself refuses to change or remove it (function from V1).
create trigger audit_access_no_update_or_delete
    before update or delete on audit_access
    for each row execute function audit_claim_refuse_change();

create trigger audit_access_no_truncate
    before truncate on audit_access
    for each statement execute function audit_claim_refuse_change();
