-- Issue #24, session 11. The processing page's workload table groups the led agencies' open steps by officer, queue
-- and warning, and its "Cảnh báo" count keeps the warned ones (8,261 open steps of UBND phường Sài Gòn at 10,000,000
-- dossiers). With those columns included, the open-steps index answers both alone (an index-only scan where the
-- visibility map is set: V40_47) instead of one heap visit per open step (and, for the count, one dossier look-up).
-- It replaces dossier_step_queue_due of V40_45 (same key, same predicate, same name) rather than standing beside it:
-- every index of dossier_step is written by a reorganisation's move, and this one only gets wider entries.
-- Run after every migrate, not as a version: it needs field_key (V43_1), which a new database creates after V40_x.
-- Does nothing once the index includes the columns.
do $$
begin
    if not exists (select 1 from pg_indexes where indexname = 'dossier_step_queue_due'
                   and indexdef like '%INCLUDE (assignee, assignee_name, field_key, warning, dossier_warning)%') then
        create index dossier_step_queue_due_covering on dossier_step (agency_code, role, due_at, dossier_id)
            include (assignee, assignee_name, field_key, warning, dossier_warning) where finished_at is null;
        drop index if exists dossier_step_queue_due;
        alter index dossier_step_queue_due_covering rename to dossier_step_queue_due;
    end if;
end
$$;
