-- Questions and feedback (phản ánh, kiến nghị; issue 22): one row per question with its current state and
-- time limits, updated in the same transaction as the append-only event that changed it.
create table question
(
    id                uuid primary key,
    code              text        not null unique,     -- PAKN-YYMMDD-NNNN, never changes (forwards keep it)
    subject           text        not null,
    body              text        not null,
    place_code        text        not null,            -- the unit code the citizen gave (may be an old one)
    place_unit_code   text,                            -- today's unit it resolved to, null when uncertain
    procedure_code    text,
    asker             text,                            -- account username; null when asked anonymously
    contact_name      text,                            -- personal data: never published, never in lists
    contact_phone     text,
    contact_email     text,
    agency_code       text        not null,            -- who holds it now (the triage centre when uncertain)
    agency_name       text        not null,
    assignee          text,                            -- officer (username) handling it inside the agency
    triage_reason     text,                            -- message key, set while held by triage
    state             text        not null check (state in ('RECEIVED', 'SUPPLEMENTED', 'PROCESSING',
                                                           'ANSWERED', 'PUBLISHED', 'REFUSED', 'FORWARDED',
                                                           'AWAITING_INFORMATION')),
    received_at       timestamptz not null,
    clock_from        timestamptz not null,            -- receipt, or the latest forward
    accepted_at       timestamptz,
    ack_due_at        timestamptz,                     -- accept or refuse by (2 working days)
    info_due_at       timestamptz,                     -- ask for more information by (5 working days)
    answer_due_at     timestamptz not null,            -- answer by (15 working days, paused while awaiting information)
    info_asked_at     timestamptz,                     -- open request for information
    answered_at       timestamptz,
    answer            text,
    publish_due_at    timestamptz,                     -- publish by (2 working days after the answer)
    published_at      timestamptz,
    refusal_reason    text,
    closed_at         timestamptz,
    action_due_at     timestamptz,                     -- the limit governing the current state; late when past
    public_subject    text,                            -- redacted texts, confirmed by the officer who published
    public_question   text,
    public_answer     text,
    public_fold       text,                            -- folded (no diacritics) public texts, for search
    useful            int         not null default 0,
    not_useful        int         not null default 0,
    version           int         not null default 0
);
create index question_agency_state on question (agency_code, state, action_due_at);
create index question_asker on question (asker, received_at desc) where asker is not null;
create index question_procedure_published on question (procedure_code, published_at desc) where state = 'PUBLISHED';
create index question_published on question (published_at desc) where state = 'PUBLISHED';
create index question_public_fold_trgm on question using gin (public_fold gin_trgm_ops) where state = 'PUBLISHED';

create table question_event
(
    question_id  uuid        not null,
    seq          int         not null,
    at           timestamptz not null,
    type         text        not null,
    state_from   text,
    state_to     text        not null,
    actor        text        not null,                 -- username, 'anonymous' or 'system'
    actor_name   text,
    actor_agency text,                                 -- the agency holding the question when acting
    target       text,                                 -- forwarded to (agency) or reassigned to (officer)
    reason       text,
    late         boolean     not null default false,   -- the action came after its time limit
    primary key (question_id, seq)
);

create table question_rating
(
    question_id uuid        not null,
    username    text        not null,
    useful      boolean     not null,
    at          timestamptz not null,
    primary key (question_id, username)
);

create table question_code_day
(
    day  date primary key,
    last int not null
);
