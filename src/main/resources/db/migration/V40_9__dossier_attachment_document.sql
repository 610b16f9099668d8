-- Which required document of the procedure version an attachment answers (its short name as the catalogue has it,
-- e.g. 'Giấy chứng sinh'), when the submission said so ("document" on each attachment); null for older dossiers and
-- files given without it, which the readable dossier matches by their file names.
alter table dossier_attachment add column document text;
