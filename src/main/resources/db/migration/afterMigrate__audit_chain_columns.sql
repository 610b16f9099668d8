-- Audit (issue 21), run by Flyway after every migrate: the insertion number of the dossier history, which the audit
-- chain follows (see V4_1__audit_chain.sql). A callback rather than a versioned migration because the audit's
-- versions (V4_x) come before the dossier's (V40_x) on a new database; it does nothing once the column exists.
-- A plain sequence default: writers (one by one, or set-based INSERT … SELECT in a reorganisation batch) only take
-- the next number; nothing is hashed or locked on their path.
do
$$
begin
    if to_regclass('dossier_event') is not null and not exists(
            select 1 from information_schema.columns
            where table_schema = current_schema() and table_name = 'dossier_event' and column_name = 'audit_no') then
        alter table dossier_event add column audit_no bigserial;
        create index dossier_event_audit_no on dossier_event (audit_no);
    end if;
end
$$;
