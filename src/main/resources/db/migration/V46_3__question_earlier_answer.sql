-- A repeated question is linked to the published answer it most resembles (pg_trgm word similarity), at submission.
alter table question add column earlier_code text;
