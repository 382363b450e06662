-- What each cloud last said about its health and limits, refreshed in the background by one replica at a time, so
-- that no request ever waits on a cloud. Launches reserve capacity against these limits in the database.
-- counted_* are the portal's own machines on that cloud when the limits were read: the cloud's used_* minus these
-- is what others use in the same project, to which the portal adds its instances as they are now.
create table cloud_provider_snapshots (
    provider_id         bigint       primary key references cloud_providers (id) on delete cascade,
    checked_at          timestamptz  not null,
    up                  boolean      not null,
    message             varchar(2000),
    latency_ms          bigint,
    limits_at           timestamptz,
    limits_problem      varchar(2000),
    max_instances       integer,
    max_vcpu            integer,
    max_memory_mib      integer,
    max_gpu             integer,
    used_instances      integer      not null default 0,
    used_vcpu           integer      not null default 0,
    used_memory_mib     integer      not null default 0,
    used_gpu            integer      not null default 0,
    counted_instances   integer      not null default 0,
    counted_vcpu        integer      not null default 0,
    counted_memory_mib  integer      not null default 0,
    counted_gpu         integer      not null default 0
);
