-- The journal is append-only: a triage decision after the plan (CustodyLedgerStore.moveOne) is a row of its own (with
-- its TRANSFERRED event, as a single move keeps), no longer a rewrite of the dossier's journal row, which the batch's
-- audit link covers. What the plan's reports and notices read is the journal row as the latest decision left it (the
-- view dossier_transfer_now, afterMigrate__dossier_history.sql, re-created after every migrate).
-- A table, so a versioned migration; until session 13 it was created by that callback: "if not exists" keeps a
-- database that already has it as it is. It references no other table, so it may run before the journal's V41_x.
create table if not exists dossier_transfer_decision
(
    id             bigserial primary key,
    plan_id        uuid        not null,
    dossier_id     uuid        not null,
    to_agency      text        not null,
    to_agency_name text        not null,
    rule           text        not null,
    decided_at     timestamptz not null
);
create index if not exists dossier_transfer_decision_dossier on dossier_transfer_decision (plan_id, dossier_id, id);
