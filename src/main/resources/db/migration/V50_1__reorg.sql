-- Reorganisation plans: the authored definition, its state, and the stored results of each stage
-- (validation, dry run summary, execution, reconciliation). The moves themselves are journaled by the
-- dossier module (dossier_transfer), keyed by the plan id.
create table reorg_plan
(
    id             uuid primary key,
    name           text        not null,
    state          text        not null check (state in ('DRAFT', 'VALIDATED', 'DRY_RUN_DONE', 'EXECUTING', 'EXECUTED', 'RECONCILED')),
    effective      timestamptz not null,
    legal_basis    text        not null,
    definition     jsonb       not null,
    validation     jsonb,
    dry_run        jsonb,
    execution      jsonb,
    reconciliation jsonb,
    created_by     text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index reorg_plan_created on reorg_plan (created_at desc);
