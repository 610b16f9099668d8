-- The history is append-only and every row is written together with its dossier: DossierStore.appendEvent inserts
-- only when the dossier exists (and fails otherwise), a reorganisation batch derives its TRANSFERRED events from the
-- dossier rows it has just updated (UPDATE … RETURNING), and dossiers are never deleted. The foreign key added
-- nothing to that, but its check locked each dossier row again (FOR KEY SHARE) for every event: a third of the cost
-- of moving a batch of 50,000 dossiers. Like the transfer journal's (V41_2), it goes.
alter table dossier_event drop constraint if exists dossier_event_dossier_id_fkey;
