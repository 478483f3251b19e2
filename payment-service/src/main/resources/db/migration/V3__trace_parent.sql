-- The W3C traceparent of the event that asked for the work (OrderCreated, RefundRequested), so the
-- worker that calls WeChat later, on another thread, continues that trace.
alter table payment add column trace_parent text;
alter table refund_submission add column trace_parent text;
