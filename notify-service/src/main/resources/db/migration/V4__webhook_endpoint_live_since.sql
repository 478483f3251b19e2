-- When an endpoint last became live, in order-service's time (the occurred_at of the WebhookEndpointChanged that
-- created it enabled, switched it on, or lifted notify-service's disablement). A status change is delivered to
-- an endpoint only when it occurred at or after this instant, so whether it is delivered does not depend on
-- which of the two topics (orderflow.order.status, orderflow.order.webhooks) notify-service reads first
-- (docs/adr/0018-shop-webhooks.md).
alter table webhook_endpoint add column live_since timestamptz not null default '-infinity';
