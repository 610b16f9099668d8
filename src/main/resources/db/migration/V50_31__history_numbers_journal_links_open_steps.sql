-- DDL that waited for a later version than its own module's and ran after every migrate until session 14 (the
-- callbacks named below): each part does nothing where a database already has it. By V50_31 a new database has
-- dossier_event (V40_1), audit_append_only() (V4_1), audit_journal_link (V2_2) and dossier_step's field_key (V43_1).

-- Audit (issue 21; was afterMigrate__audit_chain_columns.sql): the insertion number of the dossier history, which the
-- audit chain follows (V4_1__audit_chain.sql) and from whose sequence a reorganisation batch takes its history_no
-- (V50_30). A plain sequence default: writers (one by one, or set-based INSERT … SELECT in a reorganisation batch) only
-- take the next number; nothing is hashed or locked on their path.
do
$$
begin
    if not exists(
            select 1 from information_schema.columns
            where table_schema = current_schema() and table_name = 'dossier_event' and column_name = 'audit_no') then
        alter table dossier_event add column audit_no bigserial;
        create index dossier_event_audit_no on dossier_event (audit_no);
    end if;
end
$$;

-- Audit (issue 24; was afterMigrate__audit_journal_link.sql): the journal chain's links are append-only, like
-- audit_link.
drop trigger if exists audit_journal_link_append_only on audit_journal_link;
create trigger audit_journal_link_append_only before update or delete on audit_journal_link
    for each row execute function audit_append_only();
drop trigger if exists audit_journal_link_no_truncate on audit_journal_link;
create trigger audit_journal_link_no_truncate before truncate on audit_journal_link
    for each statement execute function audit_append_only();

-- Issue #24, session 11 (was afterMigrate__dossier_step_queue_due_covering.sql). The processing page's workload table
-- groups the led agencies' open steps by officer, queue and warning, and its "Cảnh báo" count keeps the warned ones
-- (8,261 open steps of UBND phường Sài Gòn at 10,000,000 dossiers). With those columns included, the open-steps index
-- answers both alone (an index-only scan where the visibility map is set: V40_47) instead of one heap visit per open
-- step (and, for the count, one dossier look-up). It replaces dossier_step_queue_due of V40_45 (same key, same
-- predicate, same name) rather than standing beside it: every index of dossier_step is written by a reorganisation's
-- move, and this one only gets wider entries.
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
