-- The journal is written from dossier rows in one query and dossiers are never deleted, so the foreign key proved
-- nothing; checking it took a FOR KEY SHARE lock on every journaled dossier (a write to each dossier row and page,
-- about a third of the journal time with a million dossiers).
alter table dossier_transfer drop constraint if exists dossier_transfer_dossier_id_fkey;
