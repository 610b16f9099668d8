-- Repeated questions (issue 22): the MinHash band keys of each published answer's public subject and question
-- (word 3-grams, computed in Java: questions.internal.RepeatKeys). A submission looks its own keys up by equality,
-- a bounded number of index probes whatever the number of published answers (the trigram word_similarity over
-- public_fold matched nearly every answer and took seconds). Written at publication; answers published before
-- this migration get theirs at start-up (RepeatKeyBackfill). No personal data: hashes of the redacted texts.
-- No foreign key: this version number comes before the question table's (V46_1) on a new database.
create table question_repeat_key
(
    key          bigint      not null,
    question_id  uuid        not null,
    published_at timestamptz not null,
    primary key (key, published_at, question_id)
);
create index question_repeat_key_question on question_repeat_key (question_id);
