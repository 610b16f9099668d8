-- Questions (issue 22): a question about a dossier is linked to it (the asker's own dossier, or one whose tracking
-- check the anonymous asker's phone passes). The dossier's id and its code (or receipt number) when linked.
alter table question add column dossier_id uuid;
alter table question add column dossier_code text;
create index question_dossier on question (dossier_id) where dossier_id is not null;
