-- Privacy (issue 21): the e-form's contents (civil-status facts, other people's names and ID numbers) encrypted at
-- rest (docs/privacy.md, "Encryption at rest"). form_data becomes bytea: the Vault's ciphertext (header 'MCE' 0x00,
-- data key id, Tink AES-256-GCM, the column's name bound in). Existing values are kept as their JSON text in UTF-8,
-- which the dossier store reads as it is (no header) until the background job (privacy.internal.Rotation) encrypts
-- them; the default, an empty form, is such a plain value too.
alter table dossier alter column form_data drop default;
alter table dossier alter column form_data type bytea using convert_to(form_data::text, 'UTF8');
alter table dossier alter column form_data set default convert_to('{}', 'UTF8');

-- The appraisal's "the same subject already registered" (the same child, the same deceased, the same couple …) was an
-- SQL comparison inside the JSON; with the form encrypted it compares blind indexes instead: per dossier and kind of
-- subject (the form paths that identify it, e.g. 'child.fullName,child.birthDate,mother.fullName'), the HMAC-SHA256
-- of the procedure, the kind and the normalised values under the index key (privacy_index_key). A side table, not a
-- column: the dossier row stays as narrow as it was and a reorganisation, which rewrites dossier rows, never touches
-- it. Written in the submission's own statement; no foreign key (as the history, V44_2: deleting a dossier in a test
-- fixture or a reorganisation's update need not visit it), readers join the dossier.
create table dossier_subject_key
(
    dossier_id uuid  not null,
    kind       text  not null,
    key        bytea not null,
    primary key (dossier_id, kind)
);
create index dossier_subject_key_key on dossier_subject_key (key);
