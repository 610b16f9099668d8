-- "Dân hỏi – Chính quyền trả lời" (issue 22): a People's Council sitting selects citizens' questions, assigns each to
-- a leader of the agency holding it with a date to answer by; the answers are published together when the council
-- closes the sitting (redacted like every publication, the texts confirmed by the member who closes it).
create table council_sitting
(
    id           uuid primary key,
    unit_code    text        not null,                 -- the council's unit (a province, or a commune-level unit)
    title        text        not null,
    sitting_date date        not null,
    state        text        not null check (state in ('OPEN', 'CLOSED')),
    created_by   text        not null,
    created_at   timestamptz not null,
    closed_by    text,
    closed_at    timestamptz
);
create index council_sitting_unit on council_sitting (unit_code, sitting_date desc);

create table council_selection
(
    sitting_id      uuid        not null references council_sitting (id),
    question_id     uuid        not null references question (id),
    agency_code     text        not null,              -- the agency holding the question when selected
    leader          text        not null,              -- username of a LEADER post holder of that agency
    leader_name     text        not null,
    answer_by       date        not null,
    selected_by     text        not null,
    selected_at     timestamptz not null,
    answer          text,                              -- the leader's answer (may name people: published redacted)
    answered_at     timestamptz,
    public_subject  text,                              -- set when the sitting closes: the confirmed, redacted texts
    public_question text,
    public_answer   text,
    primary key (sitting_id, question_id)
);
create index council_selection_leader on council_selection (leader) where answered_at is null;
