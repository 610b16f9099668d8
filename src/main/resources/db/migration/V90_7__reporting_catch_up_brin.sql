-- Decision 766 aggregates (issue 23; docs/indicators.md, "Bench"). A catch-up chunk of days [start, end) reads the
-- dossiers received in it and those with a fact on or after its start: returned, rated, closed (or not closed yet —
-- decided, refused, stopped and returned all close or come with one of those). Before, it filtered the join of every
-- dossier received before the chunk's end with its result, so each chunk (and the catch-up of one day) read the
-- whole dossier history. These columns follow the order rows are written or last updated in, so BRIN ranges answer
-- the "on or after" ranges; a BRIN index takes no entry per row and, on PostgreSQL 16+, does not stop HOT updates.
create index if not exists dossier_result_returned_at_brin on dossier_result using brin (returned_at) with (autosummarize = on);
create index if not exists dossier_result_rated_at_brin on dossier_result using brin (rated_at) with (autosummarize = on);
create index if not exists dossier_closed_at_brin on dossier using brin (closed_at) with (autosummarize = on);
