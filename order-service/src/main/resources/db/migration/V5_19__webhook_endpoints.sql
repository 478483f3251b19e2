-- A shop's webhook endpoints (docs/adr/0018-shop-webhooks.md). No secret is stored: the secret of a
-- generation is derived from the master key. version rises by one per change and travels with
-- WebhookEndpointChanged, so notify-service applies changes in order. A deleted endpoint keeps its
-- row (deleted_at) so its id is never reused.
create table webhook_endpoint (
    endpoint_id                  text        primary key,
    shop_id                      text        not null references shop (shop_id),
    url                          text        not null,
    types                        text[]      not null,
    enabled                      boolean     not null,
    secret_generation            integer     not null,
    previous_secret_generation   integer,
    previous_secret_valid_until  timestamptz,
    version                      bigint      not null,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    deleted_at                   timestamptz
);

create index webhook_endpoint_shop on webhook_endpoint (shop_id) where deleted_at is null;
