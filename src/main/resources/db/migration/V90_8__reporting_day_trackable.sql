-- Decision 766, group "Công khai, minh bạch" (issue 23; docs/indicators.md, "Transparency"): dossiers received that day
-- whose progress the applicant can follow on the public tracking page (/track): a receipt number (or dossier code)
-- and a phone number or ID number whose last 4 digits serve as the check. Filled by the catch-up from now on; the
-- days aggregated before this migration are re-done below by clearing the watermark (the aggregates are a cache).
alter table reporting_day add column trackable int not null default 0;
delete from reporting_day;
update reporting_catch_up set through_day = null, events_until = null, updated_at = now();
