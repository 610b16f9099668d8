-- Lineage links of an imported mapping that look wrong (checked at import): listed for review, never edited.
-- kind: OUTSIDE_PROVINCE (the new unit is outside the new province its old province went to), PARTIAL_SAME_NAME
-- (a PARTIAL link, and the new unit also lists a same-named old unit of another district), SAME_NAME_CLAIMED (a FULL
-- link of the only old unit from its district, the new unit also listing a same-named one of another district),
-- FULL_AND_SHARED (the old unit went FULL here and is also claimed by other new units).
-- other_id: the unit the explanation names (the same-named one, the other claimant, or the expected province).
create table territory_lineage_flag
(
    id             uuid primary key,
    predecessor_id uuid not null references territory_unit (id),
    successor_id   uuid not null references territory_unit (id),
    kind           text not null check (kind in ('OUTSIDE_PROVINCE', 'PARTIAL_SAME_NAME', 'SAME_NAME_CLAIMED',
                                                 'FULL_AND_SHARED')),
    share          text not null check (share in ('FULL', 'PARTIAL')),
    other_id       uuid references territory_unit (id),
    effective      date not null,
    flagged_at     timestamptz not null default now(),
    unique (predecessor_id, successor_id, kind)
);

-- A correction of the lineage of one old unit version: the successors it really went to. History is not edited: the
-- imported links stay in territory_lineage; the latest correction (highest seq) of an old unit supersedes all its
-- links (imported or corrected before) for every reading. shipped_key makes corrections shipped as data idempotent.
create table territory_lineage_correction
(
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    predecessor_id uuid not null references territory_unit (id),
    reason         text not null,
    legal_basis    text not null,
    source         text,
    recorded_by    text not null,
    recorded_at    timestamptz not null default now(),
    shipped_key    text unique
);
create index territory_lineage_correction_pred_idx on territory_lineage_correction (predecessor_id, seq);

create table territory_lineage_correction_target
(
    correction_id uuid not null references territory_lineage_correction (id),
    successor_id  uuid not null references territory_unit (id),
    share         text not null check (share in ('FULL', 'PARTIAL')),
    primary key (correction_id, successor_id)
);
