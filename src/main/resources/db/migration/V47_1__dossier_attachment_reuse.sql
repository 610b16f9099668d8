-- An attachment may be a document of the applicant's data store (wallet) reused instead of an upload (tái sử dụng):
-- the file is copied onto the dossier (its access stays the dossier's) and the store's document id is kept, for the
-- officer ("tái sử dụng") and the reuse indicator (Decision 766). No foreign key: the dossier does not depend on the
-- wallet's tables.
alter table dossier_attachment add column reused_document_id uuid;
create index dossier_attachment_reused on dossier_attachment (reused_document_id) where reused_document_id is not null;
