-- A person's way into one notebook origin ({uid}.notebooks...): created when a single-use JUPYTER ticket is
-- redeemed there, carried by a cookie for that origin only. Only the cookie's hash is stored, so the database
-- never holds a usable cookie; any replica accepts it. Access itself is decided at every request from the current
-- membership and roles, never from this row.
create table notebook_sessions (
    token_hash    varchar(128) primary key,
    user_id       varchar(64)  not null references users (id) on delete cascade,
    instance_id   bigint       not null references instances (id) on delete cascade,
    created_at    timestamptz  not null,
    last_used_at  timestamptz  not null,
    expires_at    timestamptz  not null
);
create index notebook_sessions_expires_idx on notebook_sessions (expires_at);
create index notebook_sessions_last_used_idx on notebook_sessions (last_used_at);
