-- Training for new duties (assistant module, docs/training.md): one row per officer and procedure new to them,
-- created when a reorganisation moves the officer to a post that performs procedures their old one did not
-- (reorg_officer_move.new_procedures), or by hand for any new post. Completed by passing the procedure's quiz.
create table training_assignment
(
    officer_id     uuid        not null,
    username       text,
    officer_name   text        not null,
    procedure_code text        not null,
    agency_code    text        not null,        -- where the officer takes the procedure on
    agency_name    text,
    reason         text        not null,        -- REORG (with plan_id) or MANUAL
    plan_id        uuid,
    assigned_at    timestamptz not null,
    completed_at   timestamptz,
    score          int,                         -- correct answers of the passing attempt
    questions      int,
    attempts       int         not null default 0,
    primary key (officer_id, procedure_code)
);
create index training_assignment_agency on training_assignment (agency_code, completed_at);
create index training_assignment_username on training_assignment (username) where username is not null;
