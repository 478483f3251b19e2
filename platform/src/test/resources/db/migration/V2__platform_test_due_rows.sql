-- Rows for the tests of platform's batch workers (DueBatch).
create table due_row (
    id       text    primary key,
    batch    text    not null,
    state    text    not null,
    attempts integer not null default 0,
    note     text
);
