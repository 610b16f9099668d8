-- The officer assistant's appraisal (assistant module, docs/appraisal.md).

-- What the reading service got out of an attachment, keyed by the file's SHA-256 (the same file attached to two
-- dossiers is read once). Rows are queued (PENDING) when a dossier is submitted and read in the background.
create table appraisal_reading
(
    sha256         text primary key,
    status         text        not null check (status in ('PENDING', 'READ', 'OCR_UNAVAILABLE', 'UNREADABLE', 'UNSUPPORTED')),
    text           text,
    pages          int,
    used_ocr       boolean,
    min_confidence double precision,
    millis         bigint,                 -- how long reading took
    attempts       int         not null default 0,
    detail         text,
    queued_at      timestamptz not null,
    read_at        timestamptz
);
create index appraisal_reading_pending on appraisal_reading (queued_at) where status = 'PENDING';

-- What the assistant suggested for a dossier at reception, and what the officer then decided, so the precision
-- of the suggestions can be measured per procedure. A new row only when the suggestion changes.
create table appraisal_suggestion
(
    id             uuid primary key,
    dossier_id     uuid        not null,
    procedure_code text        not null,
    agency_code    text,
    kind           text        not null check (kind in ('ACCEPT', 'SUPPLEMENT', 'REFUSE_RISK')),
    reasons        jsonb       not null,
    fingerprint    text        not null,
    suggested_at   timestamptz not null,
    decision       text check (decision in ('ACCEPTED', 'SUPPLEMENT_REQUESTED', 'REFUSED')),
    decided_at     timestamptz
);
create index appraisal_suggestion_dossier on appraisal_suggestion (dossier_id, suggested_at desc);
create index appraisal_suggestion_procedure on appraisal_suggestion (procedure_code) where decision is not null;
