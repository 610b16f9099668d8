-- The citizen's data store (kho dữ liệu cá nhân): documents uploaded by the citizen, digitised at a counter, or issued
-- by Motcua as a dossier's result. The issuer is kept as it was (agency name, unit code on the issue date); the unit
-- competent now is derived through the territory's lineage when read (Resolution 190/2025/QH15: documents issued
-- before a reorganisation stay valid).
create table wallet_document
(
    id                 uuid primary key,
    owner              text        not null,   -- the account (username) that holds it
    type               text        not null,   -- what it is, in the catalogue's words ("Giấy khai sinh")
    name               text        not null,   -- how the citizen calls it
    issuer_name        text,                   -- the issuing agency as it was
    issuer_agency_code text,
    issuer_unit_code   text,                   -- the administrative unit of the issuer on issued_on
    issued_on          date,
    valid_until        date,                   -- null: permanent
    source             text        not null check (source in ('UPLOAD', 'DIGITISED', 'RESULT')),
    file_name          text        not null,
    content_type       text        not null,
    size_bytes         int         not null,
    sha256             text        not null,
    content            bytea       not null,
    dossier_id         uuid,                   -- RESULT: the dossier whose result it is (no foreign key: module boundary)
    dossier_code       text,
    verification_code  text unique,            -- RESULT: public verification (GET /api/v1/results/verify?code=)
    signed             boolean     not null default false, -- RESULT: the stored PDF carries a PAdES signature
    revoked_at         timestamptz,
    created_at         timestamptz not null
);
create index wallet_document_owner on wallet_document (owner, created_at);
create index wallet_document_sha256 on wallet_document (sha256) where source = 'RESULT';
create unique index wallet_document_result on wallet_document (dossier_id) where source = 'RESULT';
