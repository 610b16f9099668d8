-- Audit (issue 21), run by Flyway after every migrate (idempotent): the record of documented anonymisations of
-- chained rows (re-seals). A callback, not a versioned migration: the audit module's range is V4_x and no version in
-- it was assigned to this work (see docs/privacy.md, "History anonymisation").
--
-- An anonymisation replaces a chained row's personal parts; its link (and the day's root) stay as they were sealed.
-- The re-seal records, for each such row, the digest the chain covers (sealed_digest, the row as it was sealed) and
-- the digest of the row as anonymised (new_digest): the verifier chains sealed_digest when the row's digest now is
-- new_digest, and reports the row as re-sealed by that record; any other content is CHANGED. Both tables are
-- append-only, like the links and the roots.
create table if not exists audit_reseal
(
    id         bigserial primary key,
    at         timestamptz not null,
    by_account text        not null,                 -- who asked: an administrator's account, or 'scheduler'
    reason     text        not null,                 -- RETENTION
    reference  text,                                 -- the retention run (privacy_retention_run.id)
    subject    text,                                 -- what was anonymised: the dossier id
    row_count  int         not null
);

create table if not exists audit_reseal_row
(
    reseal_id     bigint not null references audit_reseal (id),
    chain         text   not null,
    source_no     bigint not null,
    day           date   not null,
    pos           int    not null,
    sealed_digest bytea  not null,                   -- the digest the link covers (the row as it was sealed)
    new_digest    bytea  not null,                   -- the digest of the row as anonymised
    primary key (reseal_id, chain, source_no)
);
create index if not exists audit_reseal_row_source on audit_reseal_row (chain, source_no, reseal_id);

drop trigger if exists audit_reseal_append_only on audit_reseal;
create trigger audit_reseal_append_only before update or delete on audit_reseal
    for each row execute function audit_append_only();
drop trigger if exists audit_reseal_no_truncate on audit_reseal;
create trigger audit_reseal_no_truncate before truncate on audit_reseal
    for each statement execute function audit_append_only();
drop trigger if exists audit_reseal_row_append_only on audit_reseal_row;
create trigger audit_reseal_row_append_only before update or delete on audit_reseal_row
    for each row execute function audit_append_only();
drop trigger if exists audit_reseal_row_no_truncate on audit_reseal_row;
create trigger audit_reseal_row_no_truncate before truncate on audit_reseal_row
    for each statement execute function audit_append_only();
