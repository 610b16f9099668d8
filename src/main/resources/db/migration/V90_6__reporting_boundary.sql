-- Decision 766 aggregates (issue 23; docs/indicators.md, "Mid-month reorganisations"). reporting_day.held_month was the
-- first day of the month in which a row's dossiers started being held; a unit whose validity begins or ends on
-- another day (a reorganisation effective on the 15th) could not be selected from it. From now on held_month is the
-- start of the held *period*: the greatest of the 1st of that month and the boundaries below on or before the day the
-- dossier started being held. Boundaries = the days, other than a 1st, on which some administrative unit version
-- began or ended (the territory's changeDays()), copied here by the catch-up job, which re-does the aggregated days
-- from a new boundary on. A holder window that starts and ends on a 1st or on a boundary is then answered exactly.
create table reporting_boundary
(
    day      date primary key check (extract(day from day) <> 1),
    added_at timestamptz not null
);
comment on column reporting_day.held_month is
    'start of the held period: the 1st of the month the dossier started being held, or a later reporting_boundary day in that month on or before it';
