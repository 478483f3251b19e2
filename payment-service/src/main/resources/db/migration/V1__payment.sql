-- One row per order: the exact prepay parameters (re-sent unchanged on every attempt, since
-- WeChat's prepay is re-entrant only for identical parameters), where the prepay stands and
-- when the worker should look at it next. next_attempt_at null = nothing left to do.
create table payment (
    order_id          text        primary key,
    mchid             text        not null,
    appid             text        not null,
    description       text        not null,
    amount_fen        bigint      not null,
    currency          text        not null,
    payer_openid      text        not null,
    attach            text,
    -- RFC 3339 in +08:00 exactly as sent to WeChat, and the same instant for comparisons
    time_expire       text        not null,
    expire_at         timestamptz not null,
    notify_url        text        not null,
    status            text        not null check (status in ('PREPAYING', 'PREPAID', 'FAILED', 'PAID_AT_WECHAT')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz,
    last_error        text,
    prepay_id         text,
    pay_time_stamp    text,
    pay_nonce_str     text,
    pay_package       text,
    pay_sign_type     text,
    pay_sign          text,
    prepay_expires_at timestamptz,
    transaction_id    text,
    trade_state       text,
    created_at        timestamptz not null default clock_timestamp(),
    updated_at        timestamptz not null default clock_timestamp()
);

create index payment_due on payment (next_attempt_at) where next_attempt_at is not null;
