-- One durable expiry timer per order. ARMED timers are due at due_at (expire_at, or at once after
-- CloseRequested, or later after a transient failure); a worker claims due rows with
-- "for update skip locked", so each timer fires once however many replicas run.
-- DONE = WeChat confirmed the outcome (closed, or found paid) and the event is in the outbox;
-- CANCELLED = the order reached a terminal status first.
create table expiry_timer (
    order_id     text        primary key,
    mchid        text        not null,
    expire_at    timestamptz not null,
    close_reason text        not null check (close_reason in ('EXPIRED', 'SHOP_REQUEST')),
    state        text        not null check (state in ('ARMED', 'DONE', 'CANCELLED')),
    due_at       timestamptz not null,
    attempts     integer     not null default 0,
    outcome      text,
    created_at   timestamptz not null default clock_timestamp(),
    updated_at   timestamptz not null default clock_timestamp()
);

create index expiry_timer_due on expiry_timer (due_at) where state = 'ARMED';
