-- Online forms a citizen saved to finish later. A draft is not a dossier: it has no receipt time and
-- no clock; submitting it creates the dossier and deletes the draft.
create table dossier_draft
(
    id             uuid primary key,
    username       text        not null,
    procedure_code text        not null,
    field_values   jsonb       not null,              -- posted field paths to values, as typed
    group_counts   jsonb       not null default '{}'::jsonb,
    updated_at     timestamptz not null
);
create index dossier_draft_user on dossier_draft (username, updated_at desc);
