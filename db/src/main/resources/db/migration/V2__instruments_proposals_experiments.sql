-- What the user office knows: instruments, proposals, experiments and who is on them.
-- Rows the user office no longer lists are marked ended_at, never deleted: instances refer to them.

create table instruments (
    id          varchar(64)  primary key,
    name        varchar(255) not null,
    updated_at  timestamptz  not null default now()
);
create unique index instruments_name_idx on instruments (lower(name));

create table instrument_scientists (
    instrument_id  varchar(64) not null references instruments (id) on delete cascade,
    user_id        varchar(64) not null references users (id) on delete cascade,
    primary key (instrument_id, user_id)
);
create index instrument_scientists_user_idx on instrument_scientists (user_id);

create table proposals (
    id          varchar(64)   primary key,
    title       varchar(2000) not null,
    summary     text,
    doi         varchar(255),
    public_at   date,
    ended_at    timestamptz,
    updated_at  timestamptz   not null default now()
);

create table experiments (
    id             varchar(64)   primary key,
    proposal_id    varchar(64)   not null references proposals (id),
    instrument_id  varchar(64)   not null references instruments (id),
    title          varchar(2000),
    start_date     timestamptz   not null,
    end_date       timestamptz   not null,
    doi            varchar(255),
    ended_at       timestamptz,
    updated_at     timestamptz   not null default now(),
    check (end_date >= start_date)
);
create index experiments_proposal_idx on experiments (proposal_id);
create index experiments_instrument_idx on experiments (instrument_id);
create index experiments_start_idx on experiments (start_date desc);

create table experiment_users (
    experiment_id  varchar(64) not null references experiments (id) on delete cascade,
    user_id        varchar(64) not null references users (id) on delete cascade,
    role           varchar(32) not null default 'PARTICIPANT'
                   check (role in ('PRINCIPAL_INVESTIGATOR', 'MAIN_PROPOSER', 'LOCAL_CONTACT', 'PARTICIPANT')),
    ended_at       timestamptz,
    primary key (experiment_id, user_id)
);
create index experiment_users_user_idx on experiment_users (user_id) where ended_at is null;
