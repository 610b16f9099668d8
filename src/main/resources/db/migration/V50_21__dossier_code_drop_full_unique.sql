-- The full unique constraint on dossier.code, replaced by V50_20's partial unique index (the same uniqueness): dropping
-- it only removes the catalogue entry and the index file, a short lock.
alter table dossier drop constraint if exists dossier_code_key;
