-- Messages to the asker of a citizen's question (issue 22): which question they tell of (dossier_id stays null),
-- so the asker's data export and the question's retention find them.
alter table notification add column question_id uuid;
create index notification_question on notification (question_id) where question_id is not null;
