-- Decision 766 indicators: daily aggregates per day x agency x procedure (issue 23; docs/indicators.md "Scale").
-- Filled and re-done by the catch-up job (reporting.internal.IndicatorCatchUp); a cache of the dossier tables that
-- can be rebuilt at any time. held_month = first day of the month in which the dossier started being held by the
-- agency (agency_since, else received_at; Ho Chi Minh City time): the holder windows of a unit's agencies (unit
-- validity, reorganisation dates) are compared with it, so a window on the 1st of a month is answered exactly.
create table reporting_day
(
    day                     date             not null,
    agency_code             text             not null,
    procedure_code          text             not null,
    held_month              date             not null,
    procedure_name          text             not null,
    -- by the day of receipt
    received                int              not null default 0,
    received_promised       int              not null default 0,  -- of those, accepted (or refused) with an appointment
    online                  int              not null default 0,
    fully_online            int              not null default 0,
    -- by the day processing ended (decided, returned, refused or stopped)
    finished                int              not null default 0,
    finished_on_time        int              not null default 0,
    finished_second         int              not null default 0,  -- two or more supplement requests
    finished_late_apology   int              not null default 0,  -- late and got a Form 04
    resolution_seconds      double precision not null default 0,  -- end - accepted - time paused
    -- by the day of the rating
    rated                   int              not null default 0,
    satisfied               int              not null default 0,
    rating_sum              int              not null default 0,
    -- by the day the Form 04 was created
    apologies_issued        int              not null default 0,
    -- in flight at the end of the day (received, not ended), judged at the end of the day
    in_flight               int              not null default 0,
    in_flight_on_time       int              not null default 0,
    in_flight_second        int              not null default 0,
    in_flight_late_apology  int              not null default 0,
    primary key (agency_code, day, procedure_code, held_month)
);
create index reporting_day_day on reporting_day (day);

-- One row: every day up to through_day (Ho Chi Minh City) is aggregated; the later days are answered live. Changes
-- recorded in dossier_event up to events_until have been folded into the aggregated days they touch; later ones are
-- folded by the next run.
create table reporting_catch_up
(
    id           int primary key check (id = 1),
    through_day  date,
    events_until timestamptz,
    updated_at   timestamptz not null
);
insert into reporting_catch_up (id, through_day, events_until, updated_at) values (1, null, null, now());

-- The live delta reads the dossiers changed since the last aggregated day through their history (append-only,
-- every change of a dossier writes a row in the same transaction): an index on the time of the change.
create index if not exists dossier_event_at on dossier_event (at);
