-- Shop webhooks (docs/adr/0018-shop-webhooks.md).
-- webhook_endpoint: notify-service's copy of order-service's endpoints (WebhookEndpointChanged, applied
-- only when newer), plus what only notify-service knows: since when every attempt failed, and
-- whether it disabled the endpoint for that (until a newer change with enabled = true).
create table webhook_endpoint (
    endpoint_id                  text        primary key,
    shop_id                      text        not null,
    url                          text        not null,
    types                        text[]      not null,
    enabled                      boolean     not null,
    deleted                      boolean     not null,
    secret_generation            integer     not null,
    previous_secret_generation   integer,
    previous_secret_valid_until  timestamptz,
    version                      bigint      not null,
    failing_since                timestamptz,
    disabled_at                  timestamptz,
    disabled_reason              text
);

create index webhook_endpoint_shop on webhook_endpoint (shop_id);

-- One row per (endpoint, status change): written in the consumer's transaction, claimed with skip
-- locked. A claim pushes next_attempt_at to the end of a lease, so a replica that dies mid-send
-- leaves the row due again (at least once). attempt_no counts every attempt ever (the claim's guard);
-- schedule_step indexes the retry schedule and starts again on a redelivery.
create table webhook_delivery (
    delivery_id      uuid        primary key,
    endpoint_id      text        not null references webhook_endpoint (endpoint_id),
    shop_id          text        not null,
    order_id         text        not null,
    order_version    bigint      not null,
    ce_id            text        not null,
    event_type       text        not null,
    occurred_at      timestamptz not null,
    body             text        not null,
    status           text        not null check (status in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempt_no       integer     not null default 0,
    schedule_step    integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_status_code integer,
    last_latency_ms  integer,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    unique (endpoint_id, ce_id)
);

create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order on webhook_delivery (order_id);
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at);

-- Every attempt: when, the answer's status code (null: no answer), how long, and the error.
create table webhook_attempt (
    delivery_id  uuid        not null references webhook_delivery (delivery_id) on delete cascade,
    attempt_no   integer     not null,
    started_at   timestamptz not null,
    status_code  integer,
    latency_ms   integer     not null,
    error        text,
    primary key (delivery_id, attempt_no)
);
