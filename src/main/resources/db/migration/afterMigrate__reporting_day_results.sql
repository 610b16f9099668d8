-- Reporting (issue 23), run by Flyway after every migrate: a callback rather than a versioned migration because the
-- versions assigned to this work (V23_x) come before the table's (V90_1, reporting_day) on a new database; it does
-- nothing once the columns exist.
-- Electronic results and digitised dossiers (Decision 766; docs/indicators.md), counted on the day an approved result
-- was returned to its applicant (dossier_result.returned_at): results = approved results returned; e_results = of
-- them, issued into the applicant's data store as an electronic document (wallet_document, source RESULT);
-- digitised = of those, dossiers whose components are files (a dossier_attachment row). procedure_field = the
-- dossier's field (lĩnh vực, dossier.procedure_field at acceptance) for the per-field filter.
alter table if exists reporting_day add column if not exists results int not null default 0;
alter table if exists reporting_day add column if not exists e_results int not null default 0;
alter table if exists reporting_day add column if not exists digitised int not null default 0;
alter table if exists reporting_day add column if not exists procedure_field text;
