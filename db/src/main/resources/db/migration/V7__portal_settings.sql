-- Values the portal generates once and keeps, e.g. the deployment id that tags every cloud machine it creates.
create table portal_settings (
    key         varchar(64)   primary key,
    value       varchar(2000) not null,
    updated_at  timestamptz   not null default now()
);
