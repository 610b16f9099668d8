-- The processing inbox pages by the open step's due time (issue #24: p95 <= 20 ms at 10,000,000 dossiers): one
-- (agency, role) queue is read in (due_at, dossier_id) order from this index and a page stops after its rows + 1,
-- instead of sorting all of an agency's open work. It replaces dossier_step_queue (agency_code, role), whose leading
-- columns it keeps, rather than standing beside it: every index of dossier_step is written by a reorganisation's move.
create index dossier_step_queue_due on dossier_step (agency_code, role, due_at, dossier_id) where finished_at is null;
drop index dossier_step_queue;
