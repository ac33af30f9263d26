-- Stats over long periods read pre-aggregated days instead of every audit row. A day is rolled up once it
-- is over (plus a margin for transactions still open at midnight); rows are never updated or deleted, so
-- a rolled-up day never changes. Days from the watermark on are counted from audit_claim itself.
create table audit_daily_stats (
    tenant      text    not null,
    day         date    not null,
    verdict     text    not null,
    rules       text[]  not null,
    categories  text[]  not null,
    claims      bigint  not null check (claims > 0)
);

create index audit_daily_stats_tenant_day on audit_daily_stats (tenant, day) include (verdict, rules, categories, claims);

-- One row: every day before rolled_before is in audit_daily_stats.
create table audit_stats_rollup (
    singleton      boolean primary key default true check (singleton),
    rolled_before  date    not null
);

insert into audit_stats_rollup (rolled_before) values (date '1970-01-01');

-- The roll-up reads a range of received_at across tenants; rows arrive in received_at order, so a BRIN
-- index finds the range at almost no cost on inserts.
create index audit_claim_received_brin on audit_claim using brin (received_at);

create trigger audit_daily_stats_no_update_or_delete
    before update or delete on audit_daily_stats
    for each row execute function audit_claim_refuse_change();
