-- next_attempt_at is set while a delivery is PENDING and null once it is DELIVERED, FAILED or CANCELLED, and the due
-- index covers exactly the rows that have one. Before, the index was partial on status = 'PENDING': every statement
-- that guards an outcome with "status = 'PENDING'" matched its predicate, and on statistics a burst had made stale
-- (20,000 rows in 20 s, before autovacuum's next analyze) the planner combined it with the primary key in a bitmap
-- scan over every pending row, 2 ms for a statement that reads 8 rows by key; the claim's join to the endpoints
-- sorted all due rows on disk (130 ms a claim). See docs/adr/0018-shop-webhooks.md.
alter table webhook_delivery alter column next_attempt_at drop not null;
update webhook_delivery set next_attempt_at = null where status <> 'PENDING';
alter table webhook_delivery add constraint webhook_delivery_due_when_pending
    check ((status = 'PENDING') = (next_attempt_at is not null));
drop index webhook_delivery_due;
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where next_attempt_at is not null;
