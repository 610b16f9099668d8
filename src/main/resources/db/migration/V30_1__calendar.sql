-- Calendar module: official yearly schedules (days off, make-up days) and agencies' office hours.

-- One official schedule per year, as the JSON document it was loaded from (bundled file or an
-- administrator's upload). A year without a row uses the Labour Code's computed defaults.
create table calendar_schedule
(
    year       int primary key check (year between 1900 and 2199),
    document   text        not null,
    origin     text        not null check (origin in ('BUNDLED', 'UPLOADED')),
    checksum   text        not null,
    updated_by text,
    updated_at timestamptz not null default now()
);

-- Office hours and same-day cut-off of an agency (by its code); agencies without a row use the
-- defaults (07:30-11:30,13:00-17:00, cut-off 15:00).
create table calendar_office_hours
(
    agency_code text primary key check (length(agency_code) between 1 and 64),
    sessions    text        not null check (sessions ~ '^[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2}(,[0-9]{2}:[0-9]{2}-[0-9]{2}:[0-9]{2})*$'),
    cut_off     time        not null,
    updated_by  text,
    updated_at  timestamptz not null default now()
);
