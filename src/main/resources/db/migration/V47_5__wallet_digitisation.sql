-- Digitisation at the counter (số hóa): a reception officer uploads the scan of a citizen's paper document; OCR runs in
-- the background (wallet_digitisation.status PENDING → READING → READ/FAILED); the officer confirms the type and key
-- fields, the citizen's consent is recorded, and the copy enters the citizen's store (wallet_document, source DIGITISED,
-- "số hóa bởi …, ngày …") and is attached to the dossier.
create table wallet_digitisation
(
    id           uuid primary key,
    citizen      text        not null,   -- the account whose store receives the copy
    dossier_id   uuid,                   -- the dossier it is attached to (no foreign key: module boundary)
    officer      text        not null,   -- the reception officer's account
    officer_name text,
    agency_code  text,
    agency_name  text,
    file_name    text        not null,
    content_type text        not null,
    content      bytea       not null,
    sha256       text        not null,
    status       text        not null check (status in ('PENDING', 'READING', 'READ', 'FAILED', 'CONFIRMED')),
    read_status  text,                   -- the reading service's answer (READ, OCR_UNAVAILABLE, UNREADABLE, UNSUPPORTED)
    ocr_text     text,
    confidence   double precision,
    suggested    jsonb,                  -- key fields recognised in the text (type, fullName, personalId, number, issuedOn)
    created_at   timestamptz not null,
    read_at      timestamptz,
    document_id  uuid                    -- the store document once confirmed
);
create index wallet_digitisation_pending on wallet_digitisation (created_at) where status in ('PENDING', 'READING');
create index wallet_digitisation_officer on wallet_digitisation (officer, created_at);

-- The digitised copy in the store: who digitised it, where and when, the citizen's consent, the confirmed key fields.
-- The digitisation indicator (Decision 766) reads: select count(distinct dossier_id) from wallet_document
-- where source = 'DIGITISED' and dossier_id is not null.
alter table wallet_document
    add column digitised_by      text,
    add column digitised_by_name text,
    add column digitised_agency  text,
    add column digitised_at      timestamptz,
    add column consent_at        timestamptz,
    add column key_fields        jsonb;
create index wallet_document_digitised on wallet_document (dossier_id) where source = 'DIGITISED';
