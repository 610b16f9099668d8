-- Officers of a plan's closing agencies, as moved at execution: each holding of a post of a closing agency
-- (valid the day before the effective date) ended at the effective date, and either continued in the successor
-- post named by the plan's postMappings (MOVED) or left for a decision (DECISION). Written in one transaction
-- with the territory changes it records, and marked done in reorg_officer_step, so a resumed run skips it.
-- Territory ids are kept as values (the territory module owns its tables).
create table reorg_officer_move
(
    plan_id          uuid   not null references reorg_plan (id),
    officer_id       uuid   not null,
    officer_name     text   not null,
    username         text,
    from_post_id     uuid   not null,
    from_post        text   not null,
    from_post_title  text   not null,
    role             text   not null,
    from_agency      text   not null,
    from_agency_name text   not null,
    kind             text   not null check (kind in ('MOVED', 'DECISION')),
    to_post          text,
    to_post_title    text,
    to_agency        text,
    to_agency_name   text,
    new_procedures   text[] not null default '{}',
    effective        date   not null,
    primary key (plan_id, from_post_id, officer_id)
);

create table reorg_officer_step
(
    plan_id       uuid primary key references reorg_plan (id),
    moved         int         not null,
    awaiting      int         not null,
    posts_opened  int         not null,
    holdings_ended int        not null,
    done_at       timestamptz not null
);
