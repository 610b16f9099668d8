-- Audit (issue 21): tamper-evident hash chains over the dossier history (dossier_event) and the access log.
--
-- Rows are chained lazily by a sealing job (audit.internal.ChainSealer), not by a trigger on every insert: each
-- chained row gets a link here, in the order the rows were inserted (their insertion number), per chain and per day
-- (the day of the row's own time in Asia/Ho_Chi_Minh):
--     hash(pos) = SHA-256( hash(pos - 1) || SHA-256(canonical content of the row) )
-- with hash(0) = SHA-256("motcua-audit/<chain>/<day>"). When a day is over its root (the last hash and the number of
-- rows) goes to audit_root; a row sealed later into a closed day (a late commit) extends the chain and writes a
-- new revision of the root. Links and roots are append-only: a trigger refuses UPDATE, DELETE and TRUNCATE, for
-- every role including the application's (only a superuser who disables triggers gets past it, and what they change
-- no longer matches the roots).
--
-- The insertion number of dossier_event (audit_no) is added by the callback afterMigrate__audit_chain_columns.sql:
-- this migration's version (V4_1) runs before the dossier's (V40_1) on a new database.
create table audit_link
(
    chain      text        not null,              -- dossier_event, access_log
    day        date        not null,
    pos        int         not null,              -- 1, 2, ... within (chain, day)
    source_no  bigint      not null,              -- the row's insertion number (dossier_event.audit_no, access_log.id)
    source_id  text        not null,              -- what names the row for people: dossier id, access log id
    source_seq int,                               -- and its number within the dossier (dossier_event.seq)
    hash       bytea       not null,
    sealed_at  timestamptz not null default now(),
    primary key (chain, day, pos)
);
create unique index audit_link_source on audit_link (chain, source_no);

create table audit_root
(
    chain      text        not null,
    day        date        not null,
    revision   int         not null,              -- 1; more when late rows extended a closed day
    row_count  int         not null,
    root       bytea       not null,              -- hash of the last link
    written_at timestamptz not null default now(),
    primary key (chain, day, revision)
);

-- Where the sealer stands per chain: every row with an insertion number up to low_water is linked. pending_max is
-- the largest number visible at the previous sealing and pending_xmax that snapshot's xmax: once every transaction
-- older than pending_xmax has ended, no row numbered up to pending_max can still appear, and low_water moves there.
create table audit_cursor
(
    chain        text primary key,
    low_water    bigint      not null default 0,
    pending_max  bigint,
    pending_xmax bigint,
    pending_at   timestamptz
);

create function audit_append_only() returns trigger language plpgsql as
$$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_link_append_only before update or delete on audit_link
    for each row execute function audit_append_only();
create trigger audit_link_no_truncate before truncate on audit_link
    for each statement execute function audit_append_only();
create trigger audit_root_append_only before update or delete on audit_root
    for each row execute function audit_append_only();
create trigger audit_root_no_truncate before truncate on audit_root
    for each statement execute function audit_append_only();
