-- reconcile-service's own ledger, built from the events it consumes (OrderCreated for the merchant,
-- OrderStatusChanged for the rest: its snapshot is the order as order-service committed it). Never read from
-- another service's database. A snapshot is applied only when its version is above the stored one.
create table ledger_order (
    order_id       text        primary key,
    -- from OrderCreated; null until it arrives (the two topics are not ordered with each other)
    mchid          text,
    version        bigint      not null default 0,
    status         text        not null,
    amount_fen     bigint      not null,
    transaction_id text,
    paid_at        timestamptz,
    -- China date of paid_at: the trade bill the payment should appear on
    pay_date       date,
    -- the bill date whose payment row matched this order (null: in no reconciled bill yet)
    billed_date    date,
    updated_at     timestamptz not null default clock_timestamp()
);

create index ledger_order_paid on ledger_order (mchid, pay_date) where pay_date is not null;

create table ledger_refund (
    out_refund_no text        primary key,
    order_id      text        not null references ledger_order (order_id),
    amount_fen    bigint      not null,
    status        text        not null,
    -- WeChat's refund id: null while WeChat has not accepted the refund (it is then on no bill)
    refund_id     text,
    requested_at  timestamptz not null,
    -- China date of requested_at
    request_date  date        not null,
    success_time  timestamptz,
    billed_date   date
);

create index ledger_refund_order on ledger_refund (order_id);
create index ledger_refund_date on ledger_refund (request_date) where refund_id is not null;
