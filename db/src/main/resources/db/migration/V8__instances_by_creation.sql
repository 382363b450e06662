-- The admin console lists all instances newest first, a page at a time: read the index instead of sorting the table.
-- The id breaks ties between instances created in the same instant, so pages never overlap or skip one.
create index instances_created_idx on instances (created_at desc, id desc);
