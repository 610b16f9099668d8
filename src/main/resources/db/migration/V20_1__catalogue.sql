-- Catalogue: procedures (national code d.dddddd), their versions with validity windows and a
-- draft -> published workflow, agency overrides and import runs.
create extension if not exists btree_gist;

create table catalogue_procedure
(
    code            varchar(16) primary key check (code ~ '^[0-9]\.[0-9]{6}$'),
    name            text        not null,
    field           text,
    levels          text        not null default '',   -- comma list of AgencyLevel: CENTRAL,PROVINCE,COMMUNE
    level_text      text,                               -- as published, e.g. 'Cấp tỉnh, Cấp xã'
    ministry        text,                               -- source list, e.g. 'Bộ Tư pháp'
    issuing_body    text,
    performing_body text,
    applicant_types text,
    legal_basis     text,
    result          text,
    decision_no     text,
    detailed        boolean     not null default false,
    source          text        not null,
    search_name     text        not null,               -- folded: lower case, no diacritics, đ -> d
    search_text     text        not null,               -- folded name + field + result
    search_name_tsv tsvector generated always as (to_tsvector('simple', search_name)) stored,
    search_text_tsv tsvector generated always as (to_tsvector('simple', search_text)) stored,
    updated_at      timestamptz not null default now()
);
create index catalogue_procedure_name_trgm on catalogue_procedure using gin (search_name gin_trgm_ops);
create index catalogue_procedure_text_trgm on catalogue_procedure using gin (search_text gin_trgm_ops);
create index catalogue_procedure_name_tsv on catalogue_procedure using gin (search_name_tsv);
create index catalogue_procedure_text_tsv on catalogue_procedure using gin (search_text_tsv);
create index catalogue_procedure_field on catalogue_procedure (field);

create table catalogue_version
(
    id                 uuid primary key,
    procedure_code     varchar(16) not null references catalogue_procedure (code),
    version_no         int         not null,
    status             text        not null check (status in ('DRAFT', 'PUBLISHED')),
    valid_from         date        not null,
    valid_to           date,
    processing_amount  int check (processing_amount >= 0),
    processing_unit    text check (processing_unit in ('WORKING_DAYS', 'WORKING_HOURS')),
    processing_raw     text,
    online_level       text        not null default 'NONE' check (online_level in ('FULL', 'PARTIAL', 'NONE')),
    channels           jsonb       not null default '[]',
    required_documents jsonb       not null default '[]',
    fees               jsonb       not null default '[]',
    steps_text         text,
    eform_schema       jsonb,
    process            jsonb       not null default '[]',
    pause_policy       text        not null default 'PAUSE' check (pause_policy in ('PAUSE', 'RESET', 'CONTINUE')),
    performer_text     text,
    performer_level    text,
    performer_kind     text,
    performer_sector   text,
    needs_review       boolean     not null default false,
    review_notes       jsonb       not null default '[]',
    source             text        not null default 'MANUAL',
    created_at         timestamptz not null default now(),
    published_at       timestamptz,
    unique (procedure_code, version_no),
    check (valid_to is null or valid_to > valid_from),
    check ((processing_amount is null) = (processing_unit is null)),
    -- No two published versions of one procedure may be in force on the same day.
    constraint catalogue_version_no_overlap exclude using gist (
        procedure_code with =, daterange(valid_from, valid_to) with &&) where (status = 'PUBLISHED')
);
create index catalogue_version_review on catalogue_version (needs_review) where needs_review;

-- Explicit "this agency performs this procedure for this unit" overrides of the derived rule.
create table catalogue_agency_override
(
    id             bigserial primary key,
    procedure_code varchar(16) not null references catalogue_procedure (code),
    unit_code      varchar(8)  not null,
    agency_code    varchar(16) not null,
    valid_from     date        not null,
    valid_to       date,
    note           text,
    check (valid_to is null or valid_to > valid_from)
);
create index catalogue_agency_override_lookup on catalogue_agency_override (procedure_code, unit_code);

create table catalogue_import_run
(
    id          bigserial primary key,
    started_at  timestamptz not null,
    finished_at timestamptz not null,
    fingerprint text        not null,
    report      jsonb       not null
);
