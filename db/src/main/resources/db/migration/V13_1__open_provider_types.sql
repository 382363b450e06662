-- Provider types are plugins found at run time (ServiceLoader), not a closed list: the type is the plugin's own name,
-- lower-case as the plugins spell it, and nothing in the schema needs to change when a new type is installed.
alter table cloud_providers drop constraint if exists cloud_providers_type_check;
alter table cloud_providers alter column type type varchar(64);
update cloud_providers set type = lower(type) where type <> lower(type);
