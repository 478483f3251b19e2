-- notify-service's inbox: every verified WeChat Pay callback, raw, keyed by WeChat's
-- notification id. A redelivered callback finds its row and changes nothing.
create table inbound_callback (
    notification_id text        primary key,
    mchid           text        not null,
    kind            text        not null check (kind in ('TRANSACTION', 'REFUND')),
    event_type      text        not null,
    order_id        text        not null,
    out_refund_no   text,
    headers         jsonb       not null,
    body            text        not null,
    received_at     timestamptz not null default clock_timestamp()
);

create index inbound_callback_order on inbound_callback (order_id);
