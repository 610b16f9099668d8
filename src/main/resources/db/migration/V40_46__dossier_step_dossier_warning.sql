-- The processing page's "Cảnh báo" count (and the WARNED list) keeps the open steps whose own deadline or whose
-- dossier's appointment is near or past: it joined every open step of the officer's queues to its dossier to read the
-- dossier's warning (5,963 buffers at 1,000,000 dossiers for 1,044 open steps, about ten times that at 10,000,000;
-- issue #24). The open step now carries its dossier's warning, kept by the database on the only two ways it changes,
-- so the count reads the open-steps index alone (V40_47 includes the column):
--  - a step is opened: it takes its dossier's warning (history rows, inserted finished, are left alone);
--  - a dossier's warning is set or cleared (the late watch, a new appointment): its open step follows. A trigger on
--    "update of warning" fires only for statements that set that column, so a reorganisation's move of dossiers
--    (which does not) pays nothing for it.
alter table dossier_step add column dossier_warning text;

update dossier_step s set dossier_warning = d.warning
  from dossier d where d.id = s.dossier_id and s.finished_at is null and d.warning is not null;

create function dossier_step_take_dossier_warning() returns trigger language plpgsql as
$$
begin
    select d.warning into new.dossier_warning from dossier d where d.id = new.dossier_id;
    return new;
end
$$;
create trigger dossier_step_dossier_warning before insert on dossier_step
    for each row when (new.finished_at is null) execute function dossier_step_take_dossier_warning();

create function dossier_warning_to_open_step() returns trigger language plpgsql as
$$
begin
    update dossier_step set dossier_warning = new.warning
     where dossier_id = new.id and finished_at is null and dossier_warning is distinct from new.warning;
    return null;
end
$$;
create trigger dossier_warning_to_open_step after update of warning on dossier
    for each row when (old.warning is distinct from new.warning) execute function dossier_warning_to_open_step();
