-- Privacy: one page view, one access-log row. A dossier's workbench page loads panels after it (appraisal, questions,
-- training warning), each through the same access check; the page's row carries a random view id that the panels send
-- back, and a panel request whose view id names a row of the same officer and dossier is not logged again. A request
-- without it (a panel opened on its own) is logged as before. Not personal data (a random number); not in the audit
-- chain's digest (the digest covers what was seen, by whom and when; the view id only groups requests).
alter table access_log add column view_id uuid;
create index access_log_view on access_log (view_id) where view_id is not null;
