-- Privacy (issue 21): the access log. One row each time an officer (or an administrator or auditor) opens a
-- dossier's personal data or one of its documents: who, in which agency and post, when, what, and on which page or
-- API call (the purpose). The row is never changed: the audit module hash-chains it per day (V4_1), in insertion
-- order (id), and a trigger refuses UPDATE and DELETE. Personal data of the officer (username, name) is in the
-- register (privacy/register.json).
--
-- Migration versions: V3_x privacy, V4_x audit (see V1_1__platform.sql for the other ranges).
create table access_log
(
    id         bigserial primary key,             -- insertion order: the audit chain follows it
    at         timestamptz not null,
    dossier_id uuid        not null,
    who        text        not null,              -- account username
    who_name   text,                              -- display name as it was
    agency     text,                              -- agency code of the officer's post, as it was
    post       text,                              -- post title, as it was
    what       text        not null,              -- DOSSIER, DOCUMENT, ...
    purpose    text        not null               -- the page or API call, e.g. "GET /workbench/processing/{id}"
);
create index access_log_dossier on access_log (dossier_id, at);
create index access_log_who on access_log (who, at);
create index access_log_at on access_log (at);

create function access_log_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'access_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger access_log_append_only before update or delete on access_log
    for each row execute function access_log_append_only();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function access_log_append_only();
