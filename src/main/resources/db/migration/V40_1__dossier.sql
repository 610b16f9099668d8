-- Dossiers (hồ sơ): the current state is one row, updated in the same transaction as the event that
-- changed it; the events are append-only and keep who acted, in which agency and post, as they were.

create table dossier
(
    id                   uuid primary key,
    code                 text unique,                 -- assigned at acceptance: <agency>-YYMMDD-NNNN
    procedure_code       text        not null,
    procedure_name       text        not null,
    procedure_version_id uuid,                        -- the catalogue version in force at receipt
    channel              text        not null check (channel in ('ONLINE', 'COUNTER')),
    state                text        not null,
    applicant_kind       text        not null check (applicant_kind in ('PERSON', 'ORGANISATION')),
    applicant_name       text        not null,
    applicant_personal_id text,                       -- 12-digit personal ID or tax code
    applicant_phone      text,
    applicant_email      text,
    address_unit_code    text,                        -- the applicant's commune-level unit, as of receipt
    address_line         text,
    form_data            jsonb       not null default '{}'::jsonb,
    reception_point      text,                        -- agency code where it was handed in (boundary-free)
    agency_code          text,                        -- competent agency; null while in triage
    agency_name          text,
    triage_reason        text,
    triage_owner         text,                        -- the province service centre that must route it
    triage_due_at        timestamptz,
    submitted_by         text        not null,        -- account username (citizen or reception officer)
    idempotency_key      text,
    received_at          timestamptz not null,        -- official receipt time
    count_from           timestamptz,
    reception_due_at     timestamptz,                 -- accept or ask for supplement within 8 working hours
    accepted_at          timestamptz,
    due_at               timestamptz,                 -- appointment for the result
    closed_at            timestamptz,
    processing_days      int,
    processing_unit      text,
    pause_policy         text        not null default 'PAUSE',
    version              int         not null default 0,
    unique (submitted_by, idempotency_key)
);
create index dossier_agency_state_due on dossier (agency_code, state, reception_due_at);
create index dossier_agency_due on dossier (agency_code, due_at);
create index dossier_submitted_by on dossier (submitted_by, received_at desc);
create index dossier_triage on dossier (state) where agency_code is null;

create table dossier_event
(
    dossier_id   uuid        not null references dossier (id),
    seq          int         not null,
    at           timestamptz not null,
    type         text        not null,
    state_from   text,
    state_to     text        not null,
    actor        text        not null,                -- username, or 'system'
    actor_name   text,
    actor_agency text,                                -- agency code as it was when acting
    actor_post   text,
    reason       text,
    data         jsonb       not null default '{}'::jsonb,
    primary key (dossier_id, seq)
);

create table dossier_attachment
(
    id           uuid primary key,
    dossier_id   uuid        not null references dossier (id),
    file_name    text        not null,
    content_type text        not null,
    size_bytes   int         not null,
    sha256       text        not null,
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null
);
create index dossier_attachment_dossier on dossier_attachment (dossier_id);

-- Gap-free daily sequence per agency: the row is locked by the acceptance transaction, so two
-- acceptances never get the same number and a rolled-back one never leaves a hole.
create table dossier_sequence
(
    agency_code text not null,
    day         date not null,
    last_value  int  not null,
    primary key (agency_code, day)
);

-- Supplement requests (Form 02) and refusals (Form 03): what is missing or wrong and why.
create table dossier_request
(
    id          uuid primary key,
    dossier_id  uuid        not null references dossier (id),
    kind        text        not null check (kind in ('SUPPLEMENT', 'REFUSAL')),
    items       jsonb       not null,                 -- [{"document","reason"}]
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null,
    answered_at timestamptz
);
