-- File transfer from the instance page: whether the owner lets GUEST members download files (off until switched on).
-- A row only for instances whose owner changed it; no row means guests may not download.
create table instance_transfer_settings (
    instance_id          bigint primary key references instances (id) on delete cascade,
    guests_may_download  boolean     not null default false,
    changed_by           varchar(255),
    changed_at           timestamptz not null
);
