-- The fast path of the create checks (ADR 0010): one boolean, evaluated as the condition of the
-- order's own insert, so that an admitted order costs no round trip beyond the insert. Like
-- risk_create_check it first takes the payer's advisory lock (held until commit), then reads in a
-- new statement, and so in a snapshot that sees every order committed before the lock was granted.
-- A false answer (or a conflicting shop_order_no) inserts nothing; the service then calls
-- risk_create_check to learn which limit refused the order, or that it was a retry.

-- A payer's orders and their total within the window: one SQL statement, which the planner inlines
-- into both checks.
create function risk_payer_window(p_shop text, p_openid text, p_since timestamptz)
returns table (orders bigint, amount bigint)
language sql stable as $$
    select count(*), coalesce(sum(o.amount_fen), 0)::bigint
    from orders o
    where o.shop_id = p_shop and o.payer_openid = p_openid and o.created_at > p_since
$$;

create function risk_admits(p_shop text, p_openid text, p_amount_fen bigint, p_now timestamptz,
                            p_default_window_seconds double precision, p_default_max_order_amount_fen bigint,
                            p_default_payer_max_orders integer, p_default_payer_max_amount_fen bigint)
returns boolean
language plpgsql volatile as $$
declare
    v_admits boolean;
begin
    perform pg_advisory_xact_lock(hashtextextended('payer:' || p_shop || ':' || p_openid, 0));
    select p_amount_fen <= coalesce(l.max_order_amount_fen, p_default_max_order_amount_fen)
           and not exists (select 1 from payer_block b where b.openid = p_openid and b.scope in ('*', p_shop))
           and w.orders < coalesce(l.payer_max_orders, p_default_payer_max_orders)
           and w.amount + p_amount_fen <= coalesce(l.payer_max_amount_fen, p_default_payer_max_amount_fen)
      into v_admits
      from (select 1) one
      left join shop_risk_limit l on l.shop_id = p_shop
      cross join lateral risk_payer_window(p_shop, p_openid,
          p_now - make_interval(secs => coalesce(l.payer_window_seconds, p_default_window_seconds))) w;
    return v_admits;
end
$$;

-- The slow path, explaining a refusal, counts the same window the same way.
create or replace function risk_create_check(p_shop text, p_shop_order_no text, p_openid text, p_now timestamptz,
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
        cross join lateral risk_payer_window(p_shop, p_openid,
            p_now - make_interval(secs => coalesce(l.payer_window_seconds, p_default_window_seconds))) w;
end
$$;
