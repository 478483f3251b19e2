-- Follow-ups: work a committed fact asks for but does not depend on (the automatic refund of a
-- payment after close). Written in the fact's transaction, run later in transactions of their own,
-- retried with backoff (due_at), alerted on after some attempts (alerted), deleted when done.
create table follow_up (
    order_id   text        not null references orders (order_id),
    kind       text        not null,
    due_at     timestamptz not null,
    attempts   integer     not null default 0,
    last_error text,
    alerted    boolean     not null default false,
    created_at timestamptz not null,
    primary key (order_id, kind)
);

create index follow_up_due on follow_up (due_at);
