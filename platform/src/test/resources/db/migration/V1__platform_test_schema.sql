-- Tables of the platform's test application only.
create table test_aggregate (
    id      text primary key,
    version bigint not null
);

create table received_event (
    arrival  bigint generated always as identity primary key,
    binding  text   not null,
    ce_id    text   not null,
    ce_type  text   not null,
    subject  text   not null,
    version  bigint
);
