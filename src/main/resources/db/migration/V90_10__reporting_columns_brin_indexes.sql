-- Reporting (issue 23) and the reorganisation's write cost (issue 15): DDL that ran after every migrate until session 14
-- (the callbacks named below) because the work's own versions (V23_x) come before the tables' (dossier V40_1,
-- reporting_day and dossier_event_at V90_1) on a new database. V90_10 comes after them; each part does nothing where a
-- database already has it.

-- Electronic results and digitised dossiers (Decision 766; docs/indicators.md; was
-- afterMigrate__reporting_day_results.sql), counted on the day an approved result was returned to its applicant
-- (dossier_result.returned_at): results = approved results returned; e_results = of them, issued into the applicant's
-- data store as an electronic document (wallet_document, source RESULT); digitised = of those, dossiers whose
-- components are files (a dossier_attachment row). procedure_field = the dossier's field (lĩnh vực,
-- dossier.procedure_field at acceptance) for the per-field filter.
alter table reporting_day add column if not exists results int not null default 0;
alter table reporting_day add column if not exists e_results int not null default 0;
alter table reporting_day add column if not exists digitised int not null default 0;
alter table reporting_day add column if not exists procedure_field text;

-- The catch-up job's chunks select the dossiers received before the chunk's end and those received, rated or ended
-- since its start; without an index on received_at each 31-day chunk scanned the whole dossier table
-- (docs/indicators.md, "Bench"; was afterMigrate__reporting_dossier_received_index.sql). A BRIN index since session 8
-- of the reorganisation work: dossiers are written in the order of receipt, so block ranges answer "received before
-- the chunk's end", and a BRIN index takes no entry per updated row, where the B-tree took one for every non-HOT update
-- — each dossier a reorganisation moves (about 1 in 12 of a batch's WAL records: docs/reorg.md, "Session 8"). (The
-- first-day look-up, min() of the day in Hồ Chí Minh City, could not use either.)
drop index if exists dossier_received_at;
create index if not exists dossier_received_at_brin on dossier using brin (received_at) with (autosummarize = on);

-- The history's index on the time of a change (V90_1, reporting's live delta and late changes: "e.at >= ?",
-- "e.at >= ? and e.at < ?") is a BRIN index (issue 15, session 8; was afterMigrate__dossier_event_at_brin.sql).
-- dossier_event is append-only and each row is written at the time of its change, so the time follows the physical
-- order and a range of a few pages' minimum and maximum answers those ranges; a B-tree took one more index entry per
-- event, which a reorganisation writes for every dossier it moves (docs/reorg.md, "Session 8").
drop index if exists dossier_event_at;
create index if not exists dossier_event_at_brin on dossier_event using brin (at) with (autosummarize = on);
