-- A returned result not yet in its applicant's data store. The return sets it in the update that records the return
-- (no statement more), and the delivery after the commit clears it in the transaction that stores (and signs) the
-- result: a crash in between leaves it set, and the recovery sweep delivers it. It is the due time of the next attempt
-- (a failed attempt moves it later). The partial index holds only the results still to deliver: a handful.
alter table dossier_result add column store_due timestamptz;
create index dossier_result_store_due on dossier_result (store_due) where store_due is not null;
