-- Browser sessions live in the database (Spring Session JDBC) so that every replica serves them, any replica can
-- end them, and they survive a restart. Spring Session's own PostgreSQL schema; Flyway creates it, not Spring.
create table spring_session (
    primary_id             char(36)     not null,
    session_id             char(36)     not null,
    creation_time          bigint       not null,
    last_access_time       bigint       not null,
    max_inactive_interval  int          not null,
    expiry_time            bigint       not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36)     not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Which identity-provider login (issuer, subject, provider session id) a portal session belongs to, so that an
-- OIDC back-channel logout from the provider ends it on whichever replica receives the logout.
create table oidc_sessions (
    session_id   varchar(64)  primary key,
    issuer       varchar(500) not null,
    subject      varchar(255) not null,
    sid          varchar(255),
    user_id      varchar(64)  not null,
    created_at   timestamptz  not null default now()
);
create index oidc_sessions_subject_idx on oidc_sessions (issuer, subject);
create index oidc_sessions_sid_idx on oidc_sessions (issuer, sid) where sid is not null;
create index oidc_sessions_user_idx on oidc_sessions (user_id);

-- The job that tells open connections about role grants that ran out reads them by expiry.
create index user_roles_expiry_idx on user_roles (expires_at) where expires_at is not null;
