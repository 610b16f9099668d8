-- Audit (issue 24): the third chain, over the journal of a reorganisation's transfers (dossier_transfer), whose rows are
-- the history of a transfer for the batches written with history_in_journal (docs/reorg.md, "Session 12"). One link per
-- batch, written in the batch's own transaction (audit.internal.JournalChain), per day of the batch's done_at
-- (Asia/Ho_Chi_Minh), position 1, 2, ... within the day:
--     hash(pos) = SHA-256( hash(pos - 1) || SHA-256( digest(batch row) || ids || digests ) )
-- with hash(0) = SHA-256("motcua-audit/dossier_transfer/<day>"). ids and digests are the batch's journal rows in key
-- order (plan_id, batch_no, dossier_id): 16 B (the dossier id) and 32 B (the row's SHA-256) a row, kept so that the
-- verifier, recomputing the digests, names the row changed, removed or inserted. Append-only like audit_link (the
-- triggers are added by afterMigrate__audit_journal_link.sql: this V2_x version runs before V4_1, which creates the
-- trigger function, on a new database).
create table audit_journal_link
(
    day       date        not null,
    pos       int         not null,
    plan_id   uuid        not null,
    batch_no  int         not null,
    row_count int         not null,
    ids       bytea       not null,
    digests   bytea       not null,
    hash      bytea       not null,
    sealed_at timestamptz not null default now(),
    primary key (day, pos)
);
create unique index audit_journal_link_batch on audit_journal_link (plan_id, batch_no);
