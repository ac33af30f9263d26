-- What each recorded validation found, as arrays for the audit filters (rule, category).
alter table audit_claim add column rules text[] not null default '{}';
alter table audit_claim add column categories text[] not null default '{}';

create index audit_claim_tenant_dos on audit_claim (tenant, date_of_service);
create index audit_claim_cpts on audit_claim using gin (cpts);
create index audit_claim_rules on audit_claim using gin (rules);
create index audit_claim_categories on audit_claim using gin (categories);

-- The incidental-finding registry: one item per finding a claim reported, until its follow-up study
-- (FOLLOWED_UP) or a billing manager's decision (CLOSED).
create table finding (
    finding_id         uuid        primary key,
    tenant             text        not null,
    patient_key        text        not null,
    code               text        not null,
    regions            text[]      not null,
    status             text        not null check (status in ('OPEN', 'FOLLOWED_UP', 'CLOSED')),
    opened_by_claim    text        not null,
    opened_by_audit    uuid        not null references audit_claim (audit_id) deferrable initially deferred,
    opened_on          date        not null,
    opened_at          timestamptz not null,
    resolved_by_claim  text,
    resolved_by_audit  uuid references audit_claim (audit_id) deferrable initially deferred,
    resolved_on        date,
    resolved_at        timestamptz,
    close_reason       text,
    version            integer     not null default 0,
    constraint finding_once_per_claim unique (tenant, patient_key, code, opened_by_claim)
);

-- The overdue worklist (status, age) and a patient's open findings.
create index finding_tenant_status_opened on finding (tenant, status, opened_on);
create index finding_tenant_patient on finding (tenant, patient_key, status);

-- Every status change of a finding, never overwritten.
create table finding_event (
    event_id     bigint generated always as identity primary key,
    finding_id   uuid        not null references finding (finding_id),
    tenant       text        not null,
    at           timestamptz not null,
    from_status  text,
    to_status    text        not null,
    claim_id     text,
    audit_id     uuid,
    actor        text,
    reason       text
);

create index finding_event_finding on finding_event (finding_id, at);

create trigger finding_event_no_update_or_delete
    before update or delete on finding_event
    for each row execute function audit_claim_refuse_change();
