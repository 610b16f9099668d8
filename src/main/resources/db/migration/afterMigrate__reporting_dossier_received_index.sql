-- Reporting (issue 23), run by Flyway after every migrate (the versions assigned to this work, V23_x, come before the
-- dossier table's, V40_1, on a new database): the catch-up job's chunks select the dossiers received before the
-- chunk's end and those received, rated or ended since its start; without an index on received_at each 31-day chunk
-- scanned the whole dossier table (docs/indicators.md, "Bench"). Does nothing once the index exists. On a large
-- existing table the first start after this change builds it (minutes at 10 M rows, table locked for writes
-- meanwhile); an operator may build it beforehand with CREATE INDEX CONCURRENTLY under the same name.
create index if not exists dossier_received_at on dossier (received_at) where state <> 'DRAFT';
