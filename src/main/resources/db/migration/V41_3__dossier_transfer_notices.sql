-- Transfer notices are written after the moves (notify.TransferNotifications), from the journal: a batch records
-- whether its plan notifies applicants, and when its notices were written. Batches done before this migration had
-- their notices written in their own transaction (notify stays false).
alter table dossier_transfer_batch
    add column notify     boolean not null default false,
    add column noticed_at timestamptz;

create index dossier_transfer_batch_to_announce on dossier_transfer_batch (done_at) where notify and noticed_at is null;
