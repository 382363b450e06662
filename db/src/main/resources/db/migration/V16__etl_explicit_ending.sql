-- The user-office import ends only what a complete export no longer lists, says why, and keeps every problem.

-- Where a person's record comes from: USER_OFFICE rows are the import's, PORTAL rows were created at a first
-- login. People the user office stops listing are marked inactive (never deleted: instances refer to them).
alter table users add column source varchar(24) not null default 'PORTAL'
    check (source in ('PORTAL', 'USER_OFFICE'));
alter table users add column inactive_since timestamptz;
alter table users add column inactive_reason varchar(255);
-- Existing people the import brought in: those it linked to something, and those who never logged in (a login
-- creates a user with activated_at set; only the import creates people who have not).
update users u set source = 'USER_OFFICE'
 where u.activated_at is null
    or exists (select 1 from user_roles r where r.user_id = u.id and r.source = 'USER_OFFICE')
    or exists (select 1 from experiment_users m where m.user_id = u.id)
    or exists (select 1 from instrument_scientists s where s.user_id = u.id);

-- Why a row ended, e.g. "absent from the export of 2026-03-14 (import #57)".
alter table proposals add column ended_reason varchar(255);
alter table experiments add column ended_reason varchar(255);
alter table experiment_users add column ended_reason varchar(255);

-- A run that would end more than the allowed share of a kind stops and waits for an admin's confirmation.
alter table etl_runs drop constraint etl_runs_outcome_check;
alter table etl_runs alter column outcome type varchar(24);
alter table etl_runs add constraint etl_runs_outcome_check
    check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'NEEDS_CONFIRMATION'));
alter table etl_runs add column policy varchar(24) not null default 'ALL_OR_NOTHING'
    check (policy in ('ALL_OR_NOTHING', 'SKIP_INVALID'));

-- Every problem of a run (etl_runs.errors keeps only the first few), numbered in the order they are listed:
-- fatal ones first, then by kind in load order.
create table etl_run_problems (
    run_id     bigint        not null references etl_runs (id) on delete cascade,
    seq        integer       not null,
    fatal      boolean       not null default false,
    entity     varchar(32),
    record_id  varchar(255),
    source     varchar(2000) not null,
    location   varchar(255),
    field      varchar(64),
    message    varchar(4000) not null,
    primary key (run_id, seq)
);
