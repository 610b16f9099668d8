-- The journal is the history of a transfer (issue 24, docs/reorg.md "Session 12"). A batch written in the new mode
-- (history_in_journal) appends no TRANSFERRED event per dossier: its journal rows are that history, once the batch is
-- done, at the batch's done_at. The batch keeps what the events carried for the whole batch (who executed the plan and
-- why) and takes one number from the history's insertion sequence (history_no, from dossier_event.audit_no's sequence),
-- so that the timeline places the transfer where its event would have been. Batches done before keep their events.
-- Until session 14 this ran after every migrate (afterMigrate__dossier_history.sql); "if not exists" keeps a database
-- that already has the columns and indexes as it is. The view that reads them stays in that callback.
alter table dossier_transfer_batch
    add column if not exists history_in_journal boolean not null default false,
    add column if not exists history_no         bigint,
    add column if not exists actor              text,
    add column if not exists reason             text;

-- Readers of a day's history (reporting's catch-up, the indicators' live delta) find the batches done in a range.
create index if not exists dossier_transfer_batch_history_done on dossier_transfer_batch (done_at) where history_in_journal;
-- A dossier's timeline finds its journal rows through the done batches' keys (plan_id, batch_no, dossier_id): one
-- primary-key probe per batch whose journal is its history (a handful of plans, 20 batches for a million moves), not
-- an index on dossier_id, which every batch's journal COPY had to maintain (session 12 added it, session 13 took it
-- out: docs/reorg.md "Session 13"). DossierHistoryPlanTest pins that the lookup reads no journal sequentially.
drop index if exists dossier_transfer_dossier;
