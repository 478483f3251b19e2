-- Active queries (补单): an order with pay params and no verdict (kind PAYMENT, key = order id), or a refund
-- in PROCESSING (kind REFUND, key = out_refund_no), is queried at WeChat on a rising schedule until WeChat
-- reports a final state, a terminal status arrives, or (PAYMENT) the order expires. Claimed like the timers,
-- with "for update skip locked".
create table active_query (
    kind        text        not null check (kind in ('PAYMENT', 'REFUND')),
    query_key   text        not null,
    order_id    text        not null,
    mchid       text        not null,
    -- PAYMENT: no query after this instant (the order's expiry; the expiry timer settles it then)
    until_at    timestamptz,
    refund_fen  bigint,
    state       text        not null check (state in ('ACTIVE', 'DONE', 'CANCELLED')),
    step        integer     not null default 0,
    due_at      timestamptz not null,
    outcome     text,
    created_at  timestamptz not null default clock_timestamp(),
    updated_at  timestamptz not null default clock_timestamp(),
    primary key (kind, query_key)
);

create index active_query_due on active_query (due_at) where state = 'ACTIVE';
create index active_query_order on active_query (order_id);
