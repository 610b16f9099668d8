-- The open-steps index includes what the processing page's workload table and warned count read (created by
-- afterMigrate__dossier_step_queue_due_covering.sql, after field_key exists), so those are index-only scans. An
-- index-only scan still visits the heap for every page not marked all-visible, i.e. every page changed since the last
-- vacuum. The default (20 % of the table's rows changed: 2,000,000 at 10,000,000 dossiers) leaves the open steps'
-- pages, the ones the officers change all day, unmarked for hours; vacuum after a fixed number of changed or inserted
-- rows instead. Such a vacuum reads only the pages not all-visible, and skips the indexes while dead rows sit on fewer
-- than 2 % of the table's pages (PostgreSQL 14+), so running it often stays cheap.
alter table dossier_step set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000);
