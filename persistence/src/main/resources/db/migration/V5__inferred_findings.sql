-- Findings and follow-ups recognised from the claims themselves (issue 19): how a finding was opened
-- (EXPLICIT: the claim's context.incidentalFindings; INFERRED: a secondary diagnosis the follow-up table
-- knows, in the study's field of view) and by which rule, when its follow-up is due, and how it was
-- followed up (EXPLICIT: followUpOf; INFERRED: recognised from the later claim) and by which rule.
alter table finding add column opened_how text not null default 'EXPLICIT' check (opened_how in ('EXPLICIT', 'INFERRED'));
alter table finding add column opening_rule text;
alter table finding add column due_on date;
alter table finding add column followed_up_how text check (followed_up_how in ('EXPLICIT', 'INFERRED'));
alter table finding add column follow_up_rule text;

-- Findings recorded before this version were all explicit and followed up explicitly; their due date is
-- the default of twelve months (the table's times apply to findings opened from now on).
update finding set due_on = opened_on + interval '12 months';
update finding set followed_up_how = 'EXPLICIT', follow_up_rule = 'FOLLOWUP-EXPLICIT' where status = 'FOLLOWED_UP';
alter table finding alter column due_on set not null;

-- The overdue worklist: open findings by due date.
create index finding_tenant_status_due on finding (tenant, status, due_on);
