-- The order's own webhook URL (notify_url at creation, like WeChat's): when set, notify-service delivers the
-- order's status changes there instead of to the shop's endpoints (docs/webhooks.md). Nullable, no default: adding
-- it rewrites nothing.
alter table orders add column notify_url text;
