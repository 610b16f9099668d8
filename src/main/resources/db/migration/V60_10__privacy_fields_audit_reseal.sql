-- Privacy and audit (issue 21), until session 14 run after every migrate (afterMigrate__privacy_fields.sql,
-- afterMigrate__audit_reseal.sql): their modules' versions (V4_x, V21_x) come before the tables they change on a new
-- database (dossier V40_1, dossier_draft V42_1, wallet_profile V47_3, wallet_digitisation V47_5), which V60_10 comes
-- after. Each part does nothing where a database already has it.

-- Sensitive fields encrypted at rest (docs/privacy.md, "Sensitive fields"). The ID numbers become bytea: the Vault's
-- ciphertext (header 'MCE' 0x00, data key id, Tink AES-256-GCM). Existing values are kept as their UTF-8 bytes, which
-- the Vault reads as they are (no header) until the background job (privacy.internal.Rotation, every few seconds)
-- encrypts them and fills in their blind index: the HMAC-SHA256 of the normalised number under the index key
-- (privacy_index_key), which the lookups by ID number compare.
do
$$
declare
    -- each column's type now ('table.column' -> type): a column already converted is left alone
    types jsonb := (select jsonb_object_agg(table_name || '.' || column_name, data_type)
                      from information_schema.columns
                     where table_schema = current_schema()
                       and (table_name, column_name) in (('dossier', 'applicant_personal_id'),
                                                         ('wallet_profile', 'personal_id'),
                                                         ('dossier_draft', 'field_values'),
                                                         ('wallet_digitisation', 'ocr_text')));
begin
    if types ->> 'dossier.applicant_personal_id' = 'text' then
        alter table dossier alter column applicant_personal_id type bytea using convert_to(applicant_personal_id, 'UTF8');
        alter table dossier add column applicant_personal_id_bidx bytea;
        -- the appraisal's "other open dossiers of the same applicant"
        create index dossier_applicant_personal_id_bidx on dossier (applicant_personal_id_bidx)
            where applicant_personal_id_bidx is not null;
    end if;
    if types ->> 'wallet_profile.personal_id' = 'text' then
        alter table wallet_profile alter column personal_id type bytea using convert_to(personal_id, 'UTF8');
        alter table wallet_profile add column personal_id_bidx bytea;
        create index wallet_profile_personal_id_bidx on wallet_profile (personal_id_bidx)
            where personal_id_bidx is not null;
    end if;
    -- e-form values typed into a draft, and the text read from a counter scan: encrypted whole (nothing in SQL looks
    -- inside them), without an index
    if types ->> 'dossier_draft.field_values' = 'jsonb' then
        alter table dossier_draft alter column field_values type bytea using convert_to(field_values::text, 'UTF8');
    end if;
    if types ->> 'wallet_digitisation.ocr_text' = 'text' then
        alter table wallet_digitisation alter column ocr_text type bytea using convert_to(ocr_text, 'UTF8');
    end if;
end
$$;

-- The record of documented anonymisations of chained rows (re-seals; docs/privacy.md, "History anonymisation"). An
-- anonymisation replaces a chained row's personal parts; its link (and the day's root) stay as they were sealed. The
-- re-seal records, for each such row, the digest the chain covers (sealed_digest, the row as it was sealed) and the
-- digest of the row as anonymised (new_digest): the verifier chains sealed_digest when the row's digest now is
-- new_digest, and reports the row as re-sealed by that record; any other content is CHANGED. Both tables are
-- append-only, like the links and the roots.
create table if not exists audit_reseal
(
    id         bigserial primary key,
    at         timestamptz not null,
    by_account text        not null,                 -- who asked: an administrator's account, or 'scheduler'
    reason     text        not null,                 -- RETENTION
    reference  text,                                 -- the retention run (privacy_retention_run.id)
    subject    text,                                 -- what was anonymised: the dossier id
    row_count  int         not null
);

create table if not exists audit_reseal_row
(
    reseal_id     bigint not null references audit_reseal (id),
    chain         text   not null,
    source_no     bigint not null,
    day           date   not null,
    pos           int    not null,
    sealed_digest bytea  not null,                   -- the digest the link covers (the row as it was sealed)
    new_digest    bytea  not null,                   -- the digest of the row as anonymised
    primary key (reseal_id, chain, source_no)
);
create index if not exists audit_reseal_row_source on audit_reseal_row (chain, source_no, reseal_id);

drop trigger if exists audit_reseal_append_only on audit_reseal;
create trigger audit_reseal_append_only before update or delete on audit_reseal
    for each row execute function audit_append_only();
drop trigger if exists audit_reseal_no_truncate on audit_reseal;
create trigger audit_reseal_no_truncate before truncate on audit_reseal
    for each statement execute function audit_append_only();
drop trigger if exists audit_reseal_row_append_only on audit_reseal_row;
create trigger audit_reseal_row_append_only before update or delete on audit_reseal_row
    for each row execute function audit_append_only();
drop trigger if exists audit_reseal_row_no_truncate on audit_reseal_row;
create trigger audit_reseal_row_no_truncate before truncate on audit_reseal_row
    for each statement execute function audit_append_only();
