-- One row per refund the shop asked for, keyed like WeChat keys it: the same out_refund_no
-- is sent on every attempt, so WeChat refunds it at most once.
create table refund_submission (
    mchid           text        not null,
    out_refund_no   text        not null,
    order_id        text        not null,
    refund_fen      bigint      not null,
    total_fen       bigint      not null,
    currency        text        not null,
    reason          text,
    notify_url      text        not null,
    status          text        not null check (status in ('SUBMITTING', 'SUBMITTED', 'REJECTED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    refund_id       text,
    refund_status   text,
    created_at      timestamptz not null default clock_timestamp(),
    updated_at      timestamptz not null default clock_timestamp(),
    primary key (mchid, out_refund_no)
);

create index refund_submission_due on refund_submission (next_attempt_at) where next_attempt_at is not null;
create index refund_submission_order on refund_submission (order_id);
