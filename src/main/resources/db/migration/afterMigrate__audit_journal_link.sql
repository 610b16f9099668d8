-- Audit (issue 24), run by Flyway after every migrate (idempotent): the journal chain's links are append-only, like
-- audit_link (see V2_2__audit_journal_link.sql; the trigger function comes from V4_1).
drop trigger if exists audit_journal_link_append_only on audit_journal_link;
create trigger audit_journal_link_append_only before update or delete on audit_journal_link
    for each row execute function audit_append_only();
drop trigger if exists audit_journal_link_no_truncate on audit_journal_link;
create trigger audit_journal_link_no_truncate before truncate on audit_journal_link
    for each statement execute function audit_append_only();
