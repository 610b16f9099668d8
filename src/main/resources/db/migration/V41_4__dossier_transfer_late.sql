-- A plan recorded after its effective date also moves what its closing agencies received in between: the journal
-- marks those rows, and their TRANSFERRED event says so. Nothing in the history is rewritten.
alter table dossier_transfer add column received_after_effective boolean not null default false;
