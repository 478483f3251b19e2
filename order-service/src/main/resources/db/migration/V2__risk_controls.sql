-- Risk controls (ADR 0010). Every counter lives here, not in a JVM, so that any number of
-- order-service replicas enforce the same limits.

-- Per-shop overrides of orderflow.risk.* ; a null column means "the configured default".
create table shop_risk_limit (
    shop_id                 text        primary key references shop (shop_id),
    max_order_amount_fen    bigint      check (max_order_amount_fen > 0),
    payer_max_orders        integer     check (payer_max_orders > 0),
    payer_max_amount_fen    bigint      check (payer_max_amount_fen > 0),
    payer_window_seconds    integer     check (payer_window_seconds > 0),
    creates_per_second      integer     check (creates_per_second > 0),
    updated_at              timestamptz not null
);

-- One token bucket per shop for create requests: refilled by elapsed time and taken from in one
-- atomic upsert; taken is how many tokens the last take got (0: refused).
create table shop_create_bucket (
    shop_id     text             primary key,
    tokens      double precision not null,
    refilled_at timestamptz      not null,
    taken       integer          not null
);

-- Blocked payers: scope is a shop_id, or '*' for every shop.
create table payer_block (
    scope      text        not null,
    openid     text        not null,
    reason     text,
    created_at timestamptz not null,
    primary key (scope, openid)
);

-- The per-payer window is counted from the orders themselves (exact, rolling).
create index orders_by_payer on orders (shop_id, payer_openid, created_at);

-- Everything a new order's checks need, in one round trip: first the payer's advisory lock
-- (held until commit, so one payer's creates on any replica take turns), then, in a new
-- statement and so a new snapshot, the shop's overrides, whether the shop_order_no exists (a
-- retry), whether the payer is blocked, and the payer's orders in the rolling window.
create function risk_create_check(p_shop text, p_shop_order_no text, p_openid text, p_now timestamptz,
                                  p_default_window_seconds double precision)
returns table (max_order_amount_fen bigint, payer_max_orders integer, payer_max_amount_fen bigint,
               payer_window_seconds integer, creates_per_second integer, retry boolean, blocked boolean,
               payer_orders bigint, payer_amount_fen bigint)
language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock(hashtextextended('payer:' || p_shop || ':' || p_openid, 0));
    return query
        select l.max_order_amount_fen, l.payer_max_orders, l.payer_max_amount_fen, l.payer_window_seconds,
               l.creates_per_second,
               exists (select 1 from orders o where o.shop_id = p_shop and o.shop_order_no = p_shop_order_no),
               exists (select 1 from payer_block b where b.openid = p_openid and b.scope in ('*', p_shop)),
               w.orders, w.amount
        from (select 1) one
        left join shop_risk_limit l on l.shop_id = p_shop
        cross join lateral (
            select count(*) as orders, coalesce(sum(o.amount_fen), 0)::bigint as amount
            from orders o
            where o.shop_id = p_shop and o.payer_openid = p_openid
              and o.created_at > p_now - make_interval(secs => coalesce(l.payer_window_seconds, p_default_window_seconds))) w;
end
$$;

-- Refund share of a shop's day: paid volume by paid_at, refunds by requested_at.
create index orders_by_shop_paid on orders (shop_id, paid_at) where paid_at is not null;
create index refund_by_requested on refund (requested_at);

-- Alerts raised, one row per incident: the unique key makes "raise once" hold across replicas
-- and redeliveries.
create table risk_alert (
    alert_id  text        primary key,
    kind      text        not null,
    shop_id   text,
    order_id  text,
    raised_at timestamptz not null
);
