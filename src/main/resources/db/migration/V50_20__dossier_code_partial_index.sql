-- A dossier's code is given at acceptance, so it is null for every dossier still awaiting reception, in triage or
-- asked for a supplement before acceptance. A B-tree holds an entry for a null key too, and every update that is not
-- heap-only (a reorganisation's move: agency_code is indexed) writes one more into every index of the table. A unique
-- index "where code is not null" enforces the same uniqueness (nulls never conflict) and serves every "code = ?"
-- (it implies not null), without an entry for the dossiers that have no code yet (issue #24, docs/reorg.md "Session 14").
--
-- Built concurrently, so that writers are not blocked while it is built on a large table: Flyway runs a script whose
-- statements all refuse a transaction outside one. If the build fails it leaves an invalid index; the first statement
-- drops it, so the migration can simply be run again (after "flyway repair"). V50_21 then drops the old constraint.
drop index concurrently if exists dossier_code;
create unique index concurrently dossier_code on dossier (code) where code is not null;
