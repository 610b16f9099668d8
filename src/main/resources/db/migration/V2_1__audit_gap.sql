-- Audit (issue 24): the sealer's gap list (audit.internal.ChainSealer, GapList). Per chain, the insertion numbers below
-- the largest linked one that had no committed row when a sealing round read past them, as ranges [lo, hi]: a row
-- numbered early and committed late is found there by the first round after its commit, without re-reading the
-- chain from its low-water mark. A range is dropped once every transaction that could still commit into it has
-- ended: the oldest running transaction is at or past snapshot_xmax (pg_snapshot_xmax of a snapshot taken after the read
-- that found it), and a few seconds have passed since found_at. Kept in the database rather than in one node's
-- memory because any node of a cluster may do the next round.
-- A V2_x version (the audit's V4_x were taken): it runs before V4_1 on a new database, so it only adds this table.
create table audit_gap
(
    chain    text        not null,
    lo       bigint      not null,
    hi       bigint      not null,
    snapshot_xmax bigint  not null,
    found_at timestamptz not null,
    primary key (chain, lo)
);
