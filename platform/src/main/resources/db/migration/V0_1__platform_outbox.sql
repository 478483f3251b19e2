-- The transactional outbox (platform module). Rows are appended in the business
-- transaction; the relay publishes them in sequence_no order and marks them published.
-- Per key, sequence_no order is commit order because every writer of a key first
-- updates that key's aggregate row, which serialises the transactions of one order.
create table outbox_event (
    sequence_no  bigint generated always as identity primary key,
    ce_id        uuid        not null unique,
    ce_type      text        not null,
    ce_source    text        not null,
    ce_subject   text        not null,
    ce_time      timestamptz not null,
    topic        text        not null,
    message_key  text        not null,
    -- hash of message_key in [0, 1024): lets N relays each own a slice of keys later
    key_slice    int         not null check (key_slice between 0 and 1023),
    payload      bytea       not null,
    created_at   timestamptz not null default clock_timestamp(),
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (sequence_no) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;
