-- Failed callback verifications per source (remote address and merchant of the URL), counted
-- in a window that starts at the first failure (ADR 0010). incident_id is set while an
-- incident is open: from the alert until a whole window passes without a failure. The row
-- lock serialises the failures of one source across replicas, so an incident alerts once.
create table callback_failure_burst (
    remote_address  text        not null,
    mchid           text        not null,
    window_start    timestamptz not null,
    failures        bigint      not null,
    incident_id     text,
    last_failure_at timestamptz not null,
    primary key (remote_address, mchid)
);

create index callback_failure_burst_age on callback_failure_burst (last_failure_at);
