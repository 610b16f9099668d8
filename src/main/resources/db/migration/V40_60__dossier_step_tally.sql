-- Issue #24, session 12. The processing page's "Cảnh báo" count and the leader's workload table read every open step
-- of the officer's agencies (8,261 index entries for UBND phường Sài Gòn at 10,000,000 dossiers): linear in the
-- agency's open work. They now read counts per (agency, role, field, assignee) of the open steps instead, a few rows
-- per officer whatever the work.
--
-- The counts are kept as append-only deltas: every statement that inserts, updates or deletes steps appends one row
-- per key it changed (+ for the steps that are open after it, - for those open before it), so officers acting at
-- once never update a shared counter row (no waits, no lost updates). A reorganisation's batch moving 50,000 steps
-- writes one delta row per (agency, role, field, assignee) it touched, not 50,000. StepTallies folds the deltas into
-- dossier_step_tally every half minute on one node (advisory lock); a reader sums both.
--
-- The key columns hold '' for "none" (no field, unassigned) so that the folded table can have a primary key.
create table dossier_step_tally
(
    agency_code   text   not null,
    role          text   not null,
    field_key     text   not null,
    assignee      text   not null,
    assignee_name text   not null,
    open          bigint not null, -- open steps
    soon          bigint not null, -- of which the step's own warning is SOON
    late          bigint not null, -- of which the step's own warning is LATE
    warned        bigint not null, -- of which the step or its dossier carries a warning (the WARNED filter)
    primary key (agency_code, role, field_key, assignee, assignee_name)
);

create table dossier_step_tally_delta
(
    agency_code   text   not null,
    role          text   not null,
    field_key     text   not null,
    assignee      text   not null,
    assignee_name text   not null,
    open          bigint not null,
    soon          bigint not null,
    late          bigint not null,
    warned        bigint not null
);
create index dossier_step_tally_delta_agency on dossier_step_tally_delta (agency_code);

-- One function for the three statement triggers; each branch names only the transition tables its event has
-- (PL/pgSQL plans a statement when it first runs it). Rows that leave a key and come back within one statement (an
-- update that changes nothing counted) cancel out and are not written.
create function dossier_step_tally_delta() returns trigger language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        insert into dossier_step_tally_delta
        select agency_code, role, coalesce(field_key, ''), coalesce(assignee, ''), coalesce(assignee_name, ''),
               count(*), count(*) filter (where warning = 'SOON'), count(*) filter (where warning = 'LATE'),
               count(*) filter (where warning is not null or dossier_warning is not null)
          from new_steps where finished_at is null
         group by 1, 2, 3, 4, 5;
    elsif tg_op = 'DELETE' then
        insert into dossier_step_tally_delta
        select agency_code, role, coalesce(field_key, ''), coalesce(assignee, ''), coalesce(assignee_name, ''),
               -count(*), -count(*) filter (where warning = 'SOON'), -count(*) filter (where warning = 'LATE'),
               -count(*) filter (where warning is not null or dossier_warning is not null)
          from old_steps where finished_at is null
         group by 1, 2, 3, 4, 5;
    else
        insert into dossier_step_tally_delta
        select agency_code, role, field_key, assignee, assignee_name, sum(n), sum(soon), sum(late), sum(warned)
          from (select agency_code, role, coalesce(field_key, '') as field_key, coalesce(assignee, '') as assignee,
                       coalesce(assignee_name, '') as assignee_name, 1 as n, (warning is not distinct from 'SOON')::int as soon,
                       (warning is not distinct from 'LATE')::int as late,
                       (warning is not null or dossier_warning is not null)::int as warned
                  from new_steps where finished_at is null
                union all
                select agency_code, role, coalesce(field_key, ''), coalesce(assignee, ''), coalesce(assignee_name, ''),
                       -1, -(warning is not distinct from 'SOON')::int, -(warning is not distinct from 'LATE')::int,
                       -(warning is not null or dossier_warning is not null)::int
                  from old_steps where finished_at is null) x
         group by 1, 2, 3, 4, 5
        having sum(n) <> 0 or sum(soon) <> 0 or sum(late) <> 0 or sum(warned) <> 0;
    end if;
    return null;
end
$$;

create trigger dossier_step_tally_insert after insert on dossier_step
    referencing new table as new_steps for each statement execute function dossier_step_tally_delta();
create trigger dossier_step_tally_update after update on dossier_step
    referencing old table as old_steps new table as new_steps for each statement execute function dossier_step_tally_delta();
create trigger dossier_step_tally_delete after delete on dossier_step
    referencing old table as old_steps for each statement execute function dossier_step_tally_delta();

create function dossier_step_tally_truncate() returns trigger language plpgsql as
$$
begin
    truncate dossier_step_tally, dossier_step_tally_delta;
    return null;
end
$$;
create trigger dossier_step_tally_truncate after truncate on dossier_step
    for each statement execute function dossier_step_tally_truncate();

-- The open steps already there. A new database reaches this version before V43_1 adds field_key, with no steps; an
-- existing one (out-of-order) has both. The trigger function itself is planned when it first fires, which on a new
-- database is after V43_1 (no migration between writes dossier_step).
do
$$
begin
    if exists (select 1 from information_schema.columns
               where table_name = 'dossier_step' and column_name = 'field_key' and table_schema = current_schema()) then
        execute $fill$
            insert into dossier_step_tally
            select agency_code, role, coalesce(field_key, ''), coalesce(assignee, ''), coalesce(assignee_name, ''),
                   count(*), count(*) filter (where warning = 'SOON'), count(*) filter (where warning = 'LATE'),
                   count(*) filter (where warning is not null or dossier_warning is not null)
              from dossier_step where finished_at is null
             group by 1, 2, 3, 4, 5
        $fill$;
    end if;
end
$$;
