-- (In a callback: a V40_5x version runs before the journal's V41_x on a new database.)
-- The journal is the history of a transfer (issue 24, docs/reorg.md "Session 12"). A batch written in the new mode
-- (history_in_journal) appends no TRANSFERRED event per dossier: its journal rows are that history, once the batch is
-- done, at the batch's done_at. The batch keeps what the events carried for the whole batch (who executed the plan and
-- why) and takes one number from the history's insertion sequence (history_no, from dossier_event.audit_no's sequence),
-- so that the timeline places the transfer where its event would have been. Batches done before keep their events.
alter table dossier_transfer_batch
    add column if not exists history_in_journal boolean not null default false,
    add column if not exists history_no         bigint,
    add column if not exists actor              text,
    add column if not exists reason             text;

-- Readers of a day's history (reporting's catch-up, the indicators' live delta) find the batches done in a range.
create index if not exists dossier_transfer_batch_history_done on dossier_transfer_batch (done_at) where history_in_journal;
-- A dossier's timeline finds its journal rows through the done batches' keys (plan_id, batch_no, dossier_id): one
-- primary-key probe per batch whose journal is its history (a handful of plans, 20 batches for a million moves), not
-- an index on dossier_id, which every batch's journal COPY had to maintain (session 12 added it, session 13 took it
-- out: docs/reorg.md "Session 13"). DossierHistoryPlanTest pins that the lookup reads no journal sequentially.
drop index if exists dossier_transfer_dossier;

-- The history of a dossier (issue 24), run by Flyway after every migrate (idempotent; a callback because it reads
-- dossier_event.audit_no, which afterMigrate__audit_chain_columns.sql adds after the versioned migrations on a new
-- database). One read model for every reader of the history: the events, and the transfers of the batches whose
-- journal is their history (dossier_transfer_batch.history_in_journal), each as the TRANSFERRED event moveBatch
-- wrote before: at the batch's done_at, by the plan's actor, for its reason, the same data. A journal row is history
-- only once its batch is done (the inner join). ord orders a dossier's history as its rows were written (the events'
-- audit_no, the batch's history_no from the same sequence); seq is null for a transfer read from the journal. The
-- state of a transfer (unchanged by it) is the state after the dossier's previous event.
create or replace view dossier_history as
select e.dossier_id, e.audit_no as ord, e.seq, e.at, e.type, e.state_from, e.state_to, e.actor, e.actor_name,
       e.actor_agency, e.actor_post, e.reason, e.data
  from dossier_event e
union all
select t.dossier_id, b.history_no, null::int, b.done_at, 'TRANSFERRED'::text, s.state_to, s.state_to,
       b.actor, null::text,
       t.to_agency, null::text, b.reason,
       jsonb_build_object('plan', t.plan_id::text, 'from', t.from_agency, 'to', t.to_agency, 'rule', t.rule,
                          'effective', t.effective, 'dueAt', t.new_due_at)
       || case when t.received_after_effective then '{"receivedAfterEffective": true}'::jsonb else '{}'::jsonb end
  from dossier_transfer_batch b
  join dossier_transfer t on t.plan_id = b.plan_id and t.batch_no = b.batch_no
  -- The state after the dossier's previous event, read once for both state columns (session 13).
  left join lateral (select p.state_to from dossier_event p where p.dossier_id = t.dossier_id
                        and p.audit_no < b.history_no order by p.seq desc limit 1) s on true
 where b.history_in_journal;

-- What the plan's reports and notices read: the journal row as the latest triage decision after the plan left it
-- (dossier_transfer_decision, V40_90__dossier_transfer_decision.sql; the journal is append-only).
create or replace view dossier_transfer_now as
select t.plan_id, t.batch_no, t.dossier_id, t.from_agency,
       coalesce(x.to_agency, t.to_agency) as to_agency, coalesce(x.to_agency_name, t.to_agency_name) as to_agency_name,
       coalesce(x.rule, t.rule) as rule, t.effective, t.new_due_at, t.received_after_effective
  from dossier_transfer t
  left join (select distinct on (plan_id, dossier_id) plan_id, dossier_id, to_agency, to_agency_name, rule
               from dossier_transfer_decision order by plan_id, dossier_id, id desc) x
         on x.plan_id = t.plan_id and x.dossier_id = t.dossier_id;
