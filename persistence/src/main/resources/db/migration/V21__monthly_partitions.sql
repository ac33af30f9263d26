-- The audit history and the finding events, partitioned by month (UTC) of received_at and at: a month can be
-- exported and detached whole (AuditRetention), and a query bounded in time reads only its months. Works on a
-- populated database: every row is copied into its month and counted, in the migration's one transaction.
-- See docs/audit.md, "Monthly partitions".

-- A unique constraint of a partitioned table must include the partition key, and the versions of one claim fall
-- in different months. So the identity of every audit row lives in a table of its own, written by a trigger on
-- every insert, with the constraints audit_claim had: audit id; tenant, claim, version; tenant, claim, request
-- hash. The findings' foreign keys point at it. It is never partitioned nor shortened: a detached month keeps its
-- keys, so a version number is never given twice and a finding keeps its reference.
create table audit_claim_key (
    audit_id      uuid        not null,
    tenant        text        not null,
    claim_id      text        not null,
    version       integer     not null,
    request_hash  text        not null,
    received_at   timestamptz not null
);

create function audit_claim_record_key() returns trigger
    language plpgsql as
$$
begin
    insert into audit_claim_key (audit_id, tenant, claim_id, version, request_hash, received_at)
    values (new.audit_id, new.tenant, new.claim_id, new.version, new.request_hash, new.received_at);
    return new;
end;
$$;

-- audit_claim_2026_03 holds March 2026 (UTC).
create function monthly_partition_name(parent text, month date) returns text
    language sql immutable as
$$ select parent || '_' || to_char(month, 'YYYY_MM') $$;

-- A month's partition, filled from `source` (rows of that month only) when given. Created standalone and then
-- attached: ATTACH locks the parent in SHARE UPDATE EXCLUSIVE mode only, so reads and inserts go on meanwhile.
-- Row triggers and indexes of the parent are cloned onto it; TRUNCATE triggers are not, so it gets its own.
create function attach_monthly_partition(parent text, key text, month date, source text) returns bigint
    language plpgsql as
$$
declare
    name   text        := monthly_partition_name(parent, month);
    lower  timestamptz := month::timestamp at time zone 'UTC';
    upper  timestamptz := (month + interval '1 month')::timestamp at time zone 'UTC';
    copied bigint      := 0;
begin
    execute format('create table %I (like %I including defaults including constraints)', name, parent);
    if source is not null then
        execute format('insert into %I select * from %I where %I >= %L and %I < %L', name, source, key, lower, key, upper);
        get diagnostics copied = row_count;
    end if;
    execute format('alter table %I attach partition %I for values from (%L) to (%L)', parent, name, lower, upper);
    execute format('create trigger %I before truncate on %I for each statement execute function audit_claim_refuse_change()',
                   parent || '_no_truncate', name);
    return copied;
end;
$$;

-- Creates the (empty) partition of the month of `month` unless it exists; true if it created it.
create function create_monthly_partition(parent text, key text, month date) returns boolean
    language plpgsql as
$$
begin
    if to_regclass(monthly_partition_name(parent, date_trunc('month', month)::date)) is not null then
        return false;
    end if;
    perform attach_monthly_partition(parent, key, date_trunc('month', month)::date, null);
    return true;
end;
$$;

-- Rows land in the DEFAULT partition only when their month has no partition (a backfill of past months, a clock
-- far off, the monthly job stopped for months); nothing is refused. This moves them into partitions of their
-- months without deleting a row: the default partition is detached, each month is copied into a new partition,
-- the copies are counted against the original, the old default is dropped and an empty one attached. One
-- transaction: on any failure nothing has changed. Returns the number of rows moved.
create function empty_default_partition(parent text, key text) returns bigint
    language plpgsql as
$$
declare
    default_name text := parent || '_default';
    moving       text := parent || '_default_moving';
    waiting      bigint;
    moved        bigint := 0;
    month        date;
begin
    execute format('select count(*) from %I', default_name) into waiting;
    if waiting = 0 then
        return 0;
    end if;
    execute format('alter table %I detach partition %I', parent, default_name);
    execute format('alter table %I rename to %I', default_name, moving);
    for month in execute format('select distinct date_trunc(''month'', %I at time zone ''UTC'')::date from %I', key, moving)
    loop
        if to_regclass(monthly_partition_name(parent, month)) is not null then
            raise exception 'partition % exists while % holds rows of its month', monthly_partition_name(parent, month), default_name;
        end if;
        moved := moved + attach_monthly_partition(parent, key, month, moving);
    end loop;
    if moved <> waiting then
        raise exception 'moved % of the % rows of %', moved, waiting, default_name;
    end if;
    execute format('drop table %I', moving);
    execute format('create table %I partition of %I default', default_name, parent);
    execute format('create trigger %I before truncate on %I for each statement execute function audit_claim_refuse_change()',
                   parent || '_no_truncate', default_name);
    return moved;
end;
$$;

-- What the service runs on a schedule (AuditPartitions) and the retention command runs first: rows of the DEFAULT
-- partitions moved into their months, partitions for this month and the next `months_ahead`. Several instances
-- may run it at once: an advisory lock serialises them, and a lock it cannot get within 2 s fails this run only.
create function maintain_monthly_partitions(months_ahead integer, out partitions_created integer, out rows_moved bigint)
    language plpgsql as
$$
declare
    this_month date := date_trunc('month', now() at time zone 'UTC')::date;
    month      date;
begin
    perform pg_advisory_xact_lock(hashtextextended('radpair monthly partitions', 0));
    perform set_config('lock_timeout', '2s', true);
    rows_moved := empty_default_partition('audit_claim', 'received_at') + empty_default_partition('finding_event', 'at');
    partitions_created := 0;
    for i in 0 .. months_ahead loop
        month := this_month + make_interval(months => i);
        partitions_created := partitions_created + create_monthly_partition('audit_claim', 'received_at', month)::integer
            + create_monthly_partition('finding_event', 'at', month)::integer;
    end loop;
end;
$$;

-- From here on: the tables as they were, partitioned, with every row copied.
alter table finding drop constraint finding_opened_by_audit_fkey;
alter table finding drop constraint finding_resolved_by_audit_fkey;
alter table audit_claim rename to audit_claim_v20;
alter table finding_event rename to finding_event_v20;

-- The same columns, defaults and checks as before (LIKE), partitioned.
create table audit_claim (like audit_claim_v20 including defaults including constraints) partition by range (received_at);

-- An identity column cannot be partitioned before PostgreSQL 17: a sequence of its own, going on from the last id.
create sequence finding_event_ids as bigint;
select setval('finding_event_ids', coalesce((select max(event_id) from finding_event_v20), 0) + 1, false);
create table finding_event (like finding_event_v20 including defaults including constraints) partition by range (at);
alter table finding_event alter column event_id set default nextval('finding_event_ids');

-- A partition for every month that has rows, and for this month and the next three.
do
$$
declare
    month date;
begin
    for month in
        select date_trunc('month', received_at at time zone 'UTC')::date from audit_claim_v20
        union select date_trunc('month', at at time zone 'UTC')::date from finding_event_v20
        union select (date_trunc('month', now() at time zone 'UTC') + make_interval(months => i))::date
              from generate_series(0, 3) as i
    loop
        perform create_monthly_partition('audit_claim', 'received_at', month);
        perform create_monthly_partition('finding_event', 'at', month);
    end loop;
end;
$$;

create table audit_claim_default partition of audit_claim default;
create trigger audit_claim_no_truncate before truncate on audit_claim_default
    for each statement execute function audit_claim_refuse_change();
create table finding_event_default partition of finding_event default;
create trigger finding_event_no_truncate before truncate on finding_event_default
    for each statement execute function audit_claim_refuse_change();

insert into audit_claim (audit_id, tenant, claim_id, version, patient_key, request_hash, received_at, date_of_service,
                         payer_id, payer_type, cpts, diagnoses, verdict, ruleset_version, request, result, rules, categories)
select audit_id, tenant, claim_id, version, patient_key, request_hash, received_at, date_of_service,
       payer_id, payer_type, cpts, diagnoses, verdict, ruleset_version, request, result, rules, categories
from audit_claim_v20;

insert into audit_claim_key (audit_id, tenant, claim_id, version, request_hash, received_at)
select audit_id, tenant, claim_id, version, request_hash, received_at from audit_claim_v20;

insert into finding_event (event_id, finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason)
select event_id, finding_id, tenant, at, from_status, to_status, claim_id, audit_id, actor, reason from finding_event_v20;

do
$$
begin
    if (select count(*) from audit_claim) <> (select count(*) from audit_claim_v20)
        or (select count(*) from audit_claim_key) <> (select count(*) from audit_claim_v20)
        or (select count(*) from finding_event) <> (select count(*) from finding_event_v20)
        or exists (select 1 from audit_claim_default) or exists (select 1 from finding_event_default) then
        raise exception 'V21: the partitioned copies do not match the tables they replace';
    end if;
end;
$$;

drop table audit_claim_v20;
drop table finding_event_v20;

alter table audit_claim_key add constraint audit_claim_key_pkey primary key (audit_id);
alter table audit_claim_key add constraint audit_claim_version_unique unique (tenant, claim_id, version);
alter table audit_claim_key add constraint audit_claim_request_unique unique (tenant, claim_id, request_hash);

-- The indexes of V1 to V4, now on every partition; the primary key carries the month.
alter table audit_claim add constraint audit_claim_pkey primary key (audit_id, received_at);
create index audit_claim_tenant_received on audit_claim (tenant, received_at desc, audit_id desc);
create index audit_claim_tenant_patient on audit_claim (tenant, patient_key, date_of_service desc);
create index audit_claim_tenant_dos on audit_claim (tenant, date_of_service);
create index audit_claim_cpts on audit_claim using gin (cpts);
create index audit_claim_rules on audit_claim using gin (rules);
create index audit_claim_categories on audit_claim using gin (categories);
create index audit_claim_stats on audit_claim (tenant, received_at) include (verdict, rules, categories);
create index audit_claim_received_brin on audit_claim using brin (received_at);

alter table finding_event add constraint finding_event_pkey primary key (event_id, at);
alter table finding_event add constraint finding_event_finding_id_fkey foreign key (finding_id) references finding (finding_id);
create index finding_event_finding on finding_event (finding_id, at);
alter sequence finding_event_ids owned by finding_event.event_id;

-- Append-only, on every partition (row triggers are cloned onto partitions, TRUNCATE triggers are per table).
create trigger audit_claim_no_update_or_delete before update or delete on audit_claim
    for each row execute function audit_claim_refuse_change();
create trigger audit_claim_no_truncate before truncate on audit_claim
    for each statement execute function audit_claim_refuse_change();
create trigger audit_claim_key before insert on audit_claim
    for each row execute function audit_claim_record_key();
create trigger finding_event_no_update_or_delete before update or delete on finding_event
    for each row execute function audit_claim_refuse_change();
create trigger finding_event_no_truncate before truncate on finding_event
    for each statement execute function audit_claim_refuse_change();
create trigger audit_claim_key_no_update_or_delete before update or delete on audit_claim_key
    for each row execute function audit_claim_refuse_change();
create trigger audit_claim_key_no_truncate before truncate on audit_claim_key
    for each statement execute function audit_claim_refuse_change();

alter table finding add constraint finding_opened_by_audit_fkey
    foreign key (opened_by_audit) references audit_claim_key (audit_id) deferrable initially deferred;
alter table finding add constraint finding_resolved_by_audit_fkey
    foreign key (resolved_by_audit) references audit_claim_key (audit_id) deferrable initially deferred;
