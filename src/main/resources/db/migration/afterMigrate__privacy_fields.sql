-- Privacy (issue 21): sensitive fields encrypted at rest (docs/privacy.md, "Sensitive fields"). Run by Flyway after
-- every migrate, and a callback rather than a versioned migration for the audit's reason: the privacy module's
-- versions (V21_x) come before the dossier's (V40_x) and the data store's (V47_x) on a new database. It does nothing
-- once done.
--
-- The ID numbers become bytea: the Vault's ciphertext (header 'MCE' 0x00, data key id, Tink AES-256-GCM). Existing
-- values are kept as their UTF-8 bytes, which the Vault reads as they are (no header) until the background job
-- (privacy.internal.Rotation, every few seconds) encrypts them and fills in their blind index: the HMAC-SHA256 of the
-- normalised number under the index key (privacy_index_key), which the lookups by ID number compare.
do
$$
begin
    if to_regclass('dossier') is not null and exists(
            select 1 from information_schema.columns
            where table_schema = current_schema() and table_name = 'dossier'
              and column_name = 'applicant_personal_id' and data_type = 'text') then
        alter table dossier alter column applicant_personal_id type bytea using convert_to(applicant_personal_id, 'UTF8');
        alter table dossier add column applicant_personal_id_bidx bytea;
        -- the appraisal's "other open dossiers of the same applicant"
        create index dossier_applicant_personal_id_bidx on dossier (applicant_personal_id_bidx)
            where applicant_personal_id_bidx is not null;
    end if;
    if to_regclass('wallet_profile') is not null and exists(
            select 1 from information_schema.columns
            where table_schema = current_schema() and table_name = 'wallet_profile'
              and column_name = 'personal_id' and data_type = 'text') then
        alter table wallet_profile alter column personal_id type bytea using convert_to(personal_id, 'UTF8');
        alter table wallet_profile add column personal_id_bidx bytea;
        create index wallet_profile_personal_id_bidx on wallet_profile (personal_id_bidx)
            where personal_id_bidx is not null;
    end if;
    -- e-form values typed into a draft, and the text read from a counter scan: encrypted whole (nothing in SQL looks
    -- inside them), without an index
    if to_regclass('dossier_draft') is not null and exists(
            select 1 from information_schema.columns
            where table_schema = current_schema() and table_name = 'dossier_draft'
              and column_name = 'field_values' and data_type = 'jsonb') then
        alter table dossier_draft alter column field_values type bytea using convert_to(field_values::text, 'UTF8');
    end if;
    if to_regclass('wallet_digitisation') is not null and exists(
            select 1 from information_schema.columns
            where table_schema = current_schema() and table_name = 'wallet_digitisation'
              and column_name = 'ocr_text' and data_type = 'text') then
        alter table wallet_digitisation alter column ocr_text type bytea using convert_to(ocr_text, 'UTF8');
    end if;
end
$$;
