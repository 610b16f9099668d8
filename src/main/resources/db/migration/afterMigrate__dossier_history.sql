-- A callback, run by Flyway after every migrate, because it holds views: "create or replace view" re-applies their
-- latest text on every start, and a view is no data to keep. Their tables and columns come from versioned migrations
-- (dossier_transfer_batch's history columns: V50_30; dossier_event.audit_no: V50_31; dossier_transfer_decision: V40_90).

-- The history of a dossier (issue 24). One read model for every reader of the history: the events, and the transfers of
-- the batches whose journal is their history (dossier_transfer_batch.history_in_journal), each as the TRANSFERRED event
-- moveBatch wrote before: at the batch's done_at, by the plan's actor, for its reason, the same data. A journal row is
-- history only once its batch is done (the inner join). ord orders a dossier's history as its rows were written (the
-- events' audit_no, the batch's history_no from the same sequence); seq is null for a transfer read from the journal.
-- The state of a transfer (unchanged by it) is the state after the dossier's previous event.
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
