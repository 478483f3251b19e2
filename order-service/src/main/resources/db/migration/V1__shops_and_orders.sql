-- Shops: who may call the API, and the WeChat merchant (mchid, appid) each one pays into.
-- The HMAC secret is needed in plain text to verify signatures, so it is stored encrypted
-- (AES-256-GCM, key from orderflow.shops.secret-encryption-key), never hashed.
create table shop (
    shop_id       text        primary key,
    name          text        not null,
    mchid         text        not null,
    appid         text        not null,
    secret_cipher bytea       not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);

-- Nonces seen within the timestamp window; a second use of one is a replay.
create table shop_nonce (
    shop_id    text        not null,
    nonce      text        not null,
    created_at timestamptz not null,
    primary key (shop_id, nonce)
);

create index shop_nonce_age on shop_nonce (created_at);

-- Orders. order_id is WeChat's out_trade_no. version counts status changes (1 at creation) and
-- is compared and set on every transition; other columns change under the row lock.
create table orders (
    order_id           text        primary key,
    shop_id            text        not null references shop (shop_id),
    shop_order_no      text        not null,
    request_hash       text        not null,
    mchid              text        not null,
    appid              text        not null,
    description        text        not null,
    amount_fen         bigint      not null check (amount_fen > 0),
    currency           text        not null,
    payer_openid       text        not null,
    attach             text,
    status             text        not null,
    refunded_fen       bigint      not null default 0,
    transaction_id     text,
    paid_at            timestamptz,
    created_at         timestamptz not null,
    expire_at          timestamptz not null,
    close_requested_at timestamptz,
    pay_app_id         text,
    pay_time_stamp     text,
    pay_nonce_str      text,
    pay_package        text,
    pay_sign_type      text,
    pay_sign           text,
    version            bigint      not null,
    unique (shop_id, shop_order_no)
);

create index orders_by_shop_created on orders (shop_id, created_at desc, order_id desc);

-- Refunds. out_refund_no goes to WeChat unchanged, so it is unique per merchant.
create table refund (
    mchid         text        not null,
    out_refund_no text        not null,
    order_id      text        not null references orders (order_id),
    amount_fen    bigint      not null check (amount_fen > 0),
    currency      text        not null,
    reason        text,
    status        text        not null,
    refund_id     text,
    requested_at  timestamptz not null,
    success_time  timestamptz,
    primary key (mchid, out_refund_no)
);

create index refund_by_order on refund (order_id, requested_at);

-- Anomalies: payments that do not match their order, paid-after-close, abnormal refunds.
create table order_anomaly (
    id           bigint      generated always as identity primary key,
    order_id     text        not null references orders (order_id),
    kind         text        not null,
    detail       text        not null,
    expected_fen bigint,
    reported_fen bigint,
    causation_id text,
    detected_at  timestamptz not null
);

create index order_anomaly_by_order on order_anomaly (order_id);
