-- A reorganisation moves every in-flight dossier to its successor agency: one UPDATE of agency_code per dossier.
-- agency_code is indexed, so PostgreSQL writes a new entry into EVERY index of the table for each moved row
-- (no HOT update); with eight indexes that was most of the cost of moving a million dossiers. These three
-- served lists that the remaining indexes serve well enough, at the scale of one agency or one account:
--  * (agency_code, due_at): the inbox sorted by appointment filters by agency and state first
--    (dossier_agency_state_due) and sorts that agency's dossiers in those states;
--  * (agency_code, accepted_at): the Form 07 register of one agency and period reads that agency's dossiers
--    through dossier_agency_state_due and keeps those accepted in the period;
--  * (submitted_by, received_at desc): an account's own dossiers are found through the unique
--    (submitted_by, idempotency_key) index and sorted (an applicant has a handful).
drop index if exists dossier_agency_due;
drop index if exists dossier_agency_accepted;
drop index if exists dossier_submitted_by;
