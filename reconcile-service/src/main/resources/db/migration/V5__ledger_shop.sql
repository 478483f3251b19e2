-- The shop of each order, so that an alert about a bill discrepancy names the shop to call (ADR 0010).
-- Orders recorded before this migration keep null until their next status event.
alter table ledger_order add column shop_id text;
