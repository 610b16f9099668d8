-- Processing (issue 7): the internal steps of an accepted dossier, the clock's pauses and extensions,
-- warnings of the late-watch job, and the result with the applicant's rating.

-- One row per step instance. A step sent back or transferred is closed and a new instance opened, so
-- the rows are the hand-offs of Form 06. At most one step of a dossier is open at a time.
create table dossier_step
(
    dossier_id    uuid        not null references dossier (id),
    seq           int         not null,                 -- instance number within the dossier, 1, 2, ...
    step_order    int         not null,                 -- position in the procedure's process
    code          text        not null,                 -- RECEPTION, APPRAISAL, APPROVAL, SIGNING, RETURN, ...
    name          text        not null,
    role          text        not null check (role in ('RECEPTION', 'HANDLING', 'LEADER')),
    agency_code   text        not null,                 -- whose queue the step is in
    quota_hours   int,                                  -- working hours allowed for the step
    opened_at     timestamptz not null,
    opened_by     text,                                 -- who handed it over (sender); null for the first
    opened_by_name text,
    due_at        timestamptz,
    assignee      text,                                 -- receiver (claimed or assigned); null while queued
    assignee_name text,
    assigned_at   timestamptz,
    finished_at   timestamptz,
    finished_by   text,
    outcome       text check (outcome in ('DONE', 'SENT_BACK', 'TRANSFERRED', 'STOPPED')),
    timeliness    text check (timeliness in ('EARLY', 'ON_TIME', 'LATE')),
    warning       text check (warning in ('SOON', 'LATE')),
    primary key (dossier_id, seq)
);
create unique index dossier_step_one_open on dossier_step (dossier_id) where finished_at is null;
create index dossier_step_queue on dossier_step (agency_code, role) where finished_at is null;
create index dossier_step_assignee on dossier_step (assignee) where finished_at is null;

-- Clock stops (supplement during appraisal): from the request to the applicant's answer.
create table dossier_pause
(
    dossier_id uuid        not null references dossier (id),
    paused_at  timestamptz not null,
    resumed_at timestamptz,
    primary key (dossier_id, paused_at)
);

-- Form 04: apology and new appointment, an extension in working days, issued before the appointment.
create table dossier_extension
(
    id            uuid primary key,
    dossier_id    uuid        not null references dossier (id),
    working_days  int         not null check (working_days between 1 and 60),
    reason        text        not null,
    previous_due  timestamptz not null,
    new_due       timestamptz not null,
    created_by    text        not null,
    created_at    timestamptz not null
);
create index dossier_extension_dossier on dossier_extension (dossier_id);

-- Dossier-level warnings of the late-watch job (badge in the inbox), one per kind.
alter table dossier add column warning text check (warning in ('SOON', 'LATE'));
alter table dossier add column stop_reason text;

-- The decision and its document, the return, and the applicant's rating.
create table dossier_result
(
    dossier_id     uuid primary key references dossier (id),
    outcome        text        not null check (outcome in ('APPROVED', 'DENIED')),
    summary        text        not null,
    file_name      text        not null,
    content_type   text        not null,
    content        bytea       not null,
    generated      boolean     not null,
    decided_by     text        not null,
    decided_at     timestamptz not null,
    returned_at    timestamptz,
    returned_by    text,
    delivery       text check (delivery in ('COUNTER', 'ONLINE')),
    timeliness     text check (timeliness in ('EARLY', 'ON_TIME', 'LATE')),
    rating         int check (rating between 1 and 5),
    rating_comment text,
    rated_at       timestamptz
);

create index dossier_agency_accepted on dossier (agency_code, accepted_at);

-- The procedure's internal process as it was at acceptance: [{order, code, name, role, quotaHours}].
alter table dossier add column process jsonb;
