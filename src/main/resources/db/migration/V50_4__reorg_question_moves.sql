-- Open citizens' questions (the questions module) moved by a plan: one row per closing agency that held some when the
-- plan was journaled, with the successor decided then. A row is marked moved in the same transaction as the move
-- itself (QuestionCustody.moveOpen), so a resumed execution moves only what did not commit, and never twice.
create table reorg_question_move
(
    plan_id      uuid        not null references reorg_plan (id),
    from_agency  text        not null,
    to_agency    text        not null,
    to_name      text        not null,
    rule         text        not null,                 -- FULL_MERGE, or TRIAGE (the province service centre)
    open_before  int         not null,                 -- open questions it held when journaled
    moved        int,                                  -- how many the move took (null: not moved yet)
    moved_at     timestamptz,
    primary key (plan_id, from_agency)
);
