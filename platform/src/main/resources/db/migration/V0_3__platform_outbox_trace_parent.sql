-- The W3C traceparent current when the event was appended, so that the relay (another thread,
-- later) publishes it as part of the trace that caused it. Null when no trace was active.
alter table outbox_event add column trace_parent text;
