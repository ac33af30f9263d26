-- Stats over a period read only this index (audit rows are never updated, so the visibility map stays
-- set and the scan is index-only): verdict, rules and categories are carried in the index.
create index audit_claim_stats on audit_claim (tenant, received_at) include (verdict, rules, categories);
