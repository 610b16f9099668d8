-- Reuse (Decision 766, tái sử dụng): dossiers received that day with at least one attachment taken from the
-- applicant's data store (dossier_attachment.reused_document_id, V47_1).
alter table reporting_day add column reused int not null default 0;
