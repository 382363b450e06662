-- Pre-warmed pools: per plan, machines kept started and unassigned, handed over to the next matching launch.

create table plan_pools (
    plan_id            bigint      primary key references plans (id),
    size               integer     not null check (size between 0 and 50),
    -- a simple schedule: on these days (empty: every day), between these times (both null: all day; until before
    -- from: overnight), in the portal's zone
    days               varchar(27) not null default '',
    active_from        time,
    active_until       time,
    max_idle_minutes   integer     not null check (max_idle_minutes between 5 and 43200),
    updated_at         timestamptz not null default now(),
    updated_by         varchar(64) references users (id) on delete set null,
    -- why the pool is short (the cloud is full, machines failed), shown to admins; refills wait a while after a
    -- machine failed
    problem            varchar(2000),
    problem_at         timestamptz,
    failed_at          timestamptz,
    check ((active_from is null) = (active_until is null))
);

-- A pool machine is an instance without members until a launch takes it. pool_secret and pool_nonce exist only
-- between that launch and the machine confirming the hand-over: the owner's secret is derived from both.
alter table instances add column pooled boolean not null default false;
alter table instances add column pool_secret varchar(128);
alter table instances add column pool_nonce varchar(64);
alter table instances add column handed_over_at timestamptz;
create index instances_pool_idx on instances (plan_id, created_at) where pooled and state <> 'DELETED';

-- HANDOVER: the pool machine is given its owner's settings. TIME_LIMIT (V18) and ATTACH_DATA (V19) are other
-- features', listed so that this redefinition keeps them.
alter table instance_commands drop constraint if exists instance_commands_type_check;
alter table instance_commands add constraint instance_commands_type_check
    check (type in ('CREATE', 'START', 'STOP', 'REBOOT', 'DELETE', 'SYNC', 'TIME_LIMIT', 'HANDOVER', 'ATTACH_DATA'));
