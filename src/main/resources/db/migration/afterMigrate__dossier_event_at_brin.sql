-- Reorganisation (issue 15, session 8): the history's index on the time of a change (V90_1, reporting's live delta
-- and late changes: "e.at >= ?", "e.at >= ? and e.at < ?") becomes a BRIN index. dossier_event is append-only and each
-- row is written at the time of its change, so the time follows the physical order and a range of a few pages' minimum
-- and maximum answers those ranges; a B-tree took one more index entry per event, which a reorganisation writes for
-- every dossier it moves (about 1 in 12 of a batch's WAL records: docs/reorg.md, "Session 8"). A callback because the
-- index is created by a later version (V90_1) than the dossier's (V40_x) on a new database; it does nothing once done.
drop index if exists dossier_event_at;
create index if not exists dossier_event_at_brin on dossier_event using brin (at) with (autosummarize = on);
