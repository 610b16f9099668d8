-- Two times, kept apart: valid_from/valid_to are an agency version's legal validity; recorded_at is when this system
-- learned of it. A reorganisation recorded after its effective date opens versions that were legally valid before
-- anyone could submit to them: whoever submitted in between did so to the version the system knew then.
alter table territory_agency add column recorded_at timestamptz not null default now();
