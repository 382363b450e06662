-- Spring Modulith's event publication registry: an event for an @ApplicationModuleListener (another module's
-- reaction that runs after the publishing transaction commits) is stored here in the same transaction, and kept
-- until its listener has handled it. Failed or interrupted ones are handed to their listener again
-- (support.EventRetries). Completed ones are deleted (spring.modulith.events.completion-mode: delete).
-- The table is Spring Modulith 2.0's own PostgreSQL schema (its "v2" structure), created here because Flyway owns
-- the schema.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
