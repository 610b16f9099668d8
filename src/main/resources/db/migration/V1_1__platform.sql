-- Platform schema: extensions used by search, the module event registry (transactional outbox),
-- and login accounts.
--
-- Migration versions are partitioned by module so modules can add migrations independently:
-- V1_x platform, V10_x territory, V20_x catalogue, V30_x calendar, V40_x dossier, V50_x reorg.

create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- Spring Modulith's JDBC event publication registry (schema v2 for PostgreSQL).
create table event_publication
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table event_publication_archive
(
    id                     uuid                     not null primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);

-- Accounts of both audiences: citizens (portal) and officers (workbench).
create table account
(
    username      text primary key check (username ~ '^[a-z0-9._-]{3,64}$'),
    password_hash text        not null,
    display_name  text        not null,
    audience      text        not null check (audience in ('CITIZEN', 'OFFICER')),
    roles         text[]      not null,
    enabled       boolean     not null default true,
    demo          boolean     not null default false,
    created_at    timestamptz not null default now()
);
