-- The idempotent consumer's memory (platform module): one row per (consumer, ce_id),
-- written in the same transaction as the effect of the message.
create table processed_message (
    consumer     text        not null,
    ce_id        text        not null,
    ce_type      text        not null,
    processed_at timestamptz not null default clock_timestamp(),
    primary key (consumer, ce_id)
);

create index processed_message_age on processed_message (processed_at);
