-- A dossier's code is given at acceptance, so it is null for every dossier still awaiting reception, in triage or
-- asked for a supplement before acceptance. A B-tree holds an entry for a null key too, and every update that is not
-- heap-only (a reorganisation's move: agency_code is indexed) writes one more into every index of the table. A unique
-- index "where code is not null" enforces the same uniqueness (nulls never conflict) and serves every "code = ?"
-- (it implies not null), without an entry for the dossiers that have no code yet (issue #24, docs/reorg.md "Session 14").
--
-- Built in Flyway's transaction: "create index concurrently" would wait for Flyway's own transaction (its lock) and
-- hang. On a large table an operator builds it beforehand, outside Flyway, without blocking writers:
--   create unique index concurrently dossier_code on dossier (code) where code is not null;
-- and this migration then finds it. A concurrent build that failed leaves an invalid index of that name: dropped here
-- and built again.
do
$$
begin
    if exists (select 1 from pg_index where indexrelid = to_regclass('dossier_code') and not indisvalid) then
        drop index dossier_code;
    end if;
end
$$;
create unique index if not exists dossier_code on dossier (code) where code is not null;
