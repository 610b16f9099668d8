-- The full unique constraint on dossier.code, replaced by V50_20's partial unique index (the same uniqueness): dropping
-- it removes only the catalogue entry and the index's file, under a short lock.
alter table dossier drop constraint if exists dossier_code_key;
