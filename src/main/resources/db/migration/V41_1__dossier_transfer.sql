-- Transfers of in-flight dossiers to a successor agency when units or agencies are reorganised.
-- Additive: the dossier row gains the instant from which its current agency holds it (null = since
-- receipt), so "held by the agency version valid then" is exact even when a code is reused by a new
-- agency (old UBND-26737 Đa Kao until 2025-07-01, new UBND-26737 Tân Định from then).
alter table dossier add column agency_since timestamptz;

-- The journal of a reorganisation plan's transfers: written once, in one transaction, when the plan
-- starts executing; each batch then moves its dossiers, appends a TRANSFERRED event per dossier and
-- records itself in dossier_transfer_batch, in one transaction. A crash loses at most the batch in
-- progress, which a restart redoes.
create table dossier_transfer
(
    plan_id        uuid        not null,
    batch_no       int         not null,
    dossier_id     uuid        not null references dossier (id),
    from_agency    text        not null,
    to_agency      text        not null,
    to_agency_name text        not null,
    rule           text        not null,
    effective      timestamptz not null,
    new_due_at     timestamptz,                      -- null: the deadline keeps running unchanged
    primary key (plan_id, batch_no, dossier_id)       -- one row per dossier: written once from one query
);

-- Batches done (one row per batch, not one update per dossier).
create table dossier_transfer_batch
(
    plan_id  uuid        not null,
    batch_no int         not null,
    moved    int         not null,
    done_at  timestamptz not null,
    primary key (plan_id, batch_no)
);
