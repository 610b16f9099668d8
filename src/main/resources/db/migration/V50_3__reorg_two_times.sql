-- Two times, kept apart: a plan's legal effective instant, and the instants its execution started and applied its
-- unit changes. Submissions reached the closing agencies until the unit changes were applied, so a plan recorded
-- after its effective date moves what was received in between; agency versions recorded before the execution started
-- (a successor reusing a code, known since an earlier import) are told apart from those the plan itself opened.
alter table reorg_plan
    add column execution_started_at timestamptz,
    add column units_applied_at     timestamptz;
