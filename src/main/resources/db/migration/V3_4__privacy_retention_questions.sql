-- Retention of citizens' questions (session 10): the closed questions a run listed or anonymised, as
-- privacy_retention_item holds its dossiers. Append-only like the other retention records. No foreign key to
-- privacy_retention_run: this version runs before V21_11 creates it (the run id is written in the run's transaction).
create table privacy_retention_question_item
(
    run_id         uuid        not null,
    question_id    uuid        not null,
    question_code  text        not null,
    closed_at      timestamptz not null,
    retained_until date        not null,
    primary key (run_id, question_id)
);
create function privacy_retention_question_item_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'privacy_retention_question_item is append-only (% refused)', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger privacy_retention_question_item_append_only before update or delete on privacy_retention_question_item
    for each row execute function privacy_retention_question_item_append_only();
