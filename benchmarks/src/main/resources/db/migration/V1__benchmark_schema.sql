-- The benchmark consumer's read model: what a service's event handler would update.
create table benchmark_order_status (
    order_id text   primary key,
    version  bigint not null,
    status   text   not null
);
