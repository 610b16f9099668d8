-- Reporting (issue 23), run by Flyway after every migrate (the versions assigned to this work, V23_x, come before the
-- dossier table's, V40_1, on a new database): the catch-up job's chunks select the dossiers received before the
-- chunk's end and those received, rated or ended since its start; without an index on received_at each 31-day chunk
-- scanned the whole dossier table (docs/indicators.md, "Bench"). Does nothing once the index exists.
-- A BRIN index since session 8 of the reorganisation work: dossiers are written in the order of receipt, so block
-- ranges answer "received before the chunk's end", and a BRIN index takes no entry per updated row, where the B-tree
-- took one for every non-HOT update — each dossier a reorganisation moves (about 1 in 12 of a batch's WAL records:
-- docs/reorg.md, "Session 8"). (The first-day look-up, min() of the day in Hồ Chí Minh City, could not use either.)
drop index if exists dossier_received_at;
create index if not exists dossier_received_at_brin on dossier using brin (received_at) with (autosummarize = on);
