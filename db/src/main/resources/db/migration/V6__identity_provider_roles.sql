-- Roles that arrive in the login token are recorded too, so background jobs (quotas, lifetimes) see them.
-- They are replaced at every login and never touched by the ETL or by admins' grants.
alter table user_roles drop constraint user_roles_source_check;
alter table user_roles alter column source type varchar(24);
alter table user_roles add constraint user_roles_source_check
    check (source in ('PORTAL', 'USER_OFFICE', 'IDENTITY_PROVIDER'));
