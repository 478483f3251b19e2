-- Daily trade-bill reconciliation. One row per run of (merchant, bill date); re-running a day adds a run.
-- outcome: RUNNING, COMPLETED, NO_STATEMENT (WeChat had no trade that day; the ledger side is still checked),
-- STATEMENT_CREATING (retry later), HASH_MISMATCH (the file was not the one WeChat hashed; retry later),
-- UNAVAILABLE (WeChat unreachable or refusing; retry later), MALFORMED (not a bill in WeChat's format),
-- FAILED (an unexpected error), ABANDONED (a RUNNING run older than an hour, taken over).
create table bill_run (
    run_id               text        primary key,
    mchid                text        not null,
    bill_date            date        not null,
    trigger              text        not null check (trigger in ('SCHEDULED', 'ON_DEMAND', 'RETRY')),
    outcome              text        not null,
    detail               text,
    bill_rows            bigint      not null default 0,
    payment_rows         bigint      not null default 0,
    refund_rows          bigint      not null default 0,
    matched              bigint      not null default 0,
    discrepancies        bigint      not null default 0,
    repaired             bigint      not null default 0,
    held                 bigint      not null default 0,
    wechat_success_fen   bigint      not null default 0,
    wechat_refund_fen    bigint      not null default 0,
    local_success_fen    bigint      not null default 0,
    local_refund_fen     bigint      not null default 0,
    -- when a run that could not finish (STATEMENT_CREATING, HASH_MISMATCH, UNAVAILABLE) is tried again
    retry_at             timestamptz,
    attempt              integer     not null default 1,
    started_at           timestamptz not null,
    completed_at         timestamptz
);

-- one run of a day at a time, across replicas
create unique index bill_run_one_running on bill_run (mchid, bill_date) where outcome = 'RUNNING';
create index bill_run_day on bill_run (mchid, bill_date, started_at);
create index bill_run_retry on bill_run (retry_at) where retry_at is not null;

-- A discrepancy is stored once per (merchant, bill date, kind, item) and published once, however often the
-- day is re-run; last_run_id is the latest run that still found it.
create table bill_discrepancy (
    mchid             text        not null,
    bill_date         date        not null,
    kind              text        not null,
    item_key          text        not null,
    order_id          text,
    out_refund_no     text,
    transaction_id    text,
    wechat_amount_fen bigint,
    local_amount_fen  bigint,
    wechat_status     text,
    local_status      text,
    detail            text        not null,
    -- NONE, PAYMENT or REFUND: which repair a confirming query may make
    repair            text        not null,
    repaired          boolean     not null,
    first_run_id      text        not null,
    last_run_id       text        not null,
    found_at          timestamptz not null,
    primary key (mchid, bill_date, kind, item_key)
);

-- A repair (PaymentNotified / RefundNotified with source BILL) is published once per item, ever.
create table bill_repair (
    kind       text        not null check (kind in ('PAYMENT', 'REFUND')),
    item_key   text        not null,
    run_id     text        not null,
    created_at timestamptz not null default clock_timestamp(),
    primary key (kind, item_key)
);
