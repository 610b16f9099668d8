-- Transfer notices leave the dossier's tables. A plan's notices are now written by notify from the event publication
-- registry: reorg publishes PlanExecuted once every batch is done, and notify's listener pages through the plan's moves
-- (the dossier module's CustodyLedger). The unsent state moves first: a plan whose batches are all done but whose
-- notices the old 2-second sweep had not written yet becomes an incomplete PlanExecuted publication, which the registry
-- republishes at start (spring.modulith.events.republish-outstanding-events-on-restart). The listener id is the one
-- Spring gives TransferNotices.on(PlanExecuted) (checked by ReorgCrashResumeTest); the dedup key per dossier and plan
-- makes a notice already written count once. Plans stopped part-way need nothing: they publish when they finish.
insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                               completion_attempts)
select gen_random_uuid(), 'vn.motcua.notify.TransferNotices.on(vn.motcua.reorg.PlanExecuted)',
       'vn.motcua.reorg.PlanExecuted', json_build_object('planId', b.plan_id, 'notifyApplicants', true)::text, now(),
       'PUBLISHED', 0
  from dossier_transfer_batch b
 where b.notify and b.noticed_at is null
   and (select count(*) from dossier_transfer_batch x where x.plan_id = b.plan_id)
       >= (select max(t.batch_no) from dossier_transfer t where t.plan_id = b.plan_id)
 group by b.plan_id;

drop index if exists dossier_transfer_batch_to_announce;
alter table dossier_transfer_batch
    drop column notify,
    drop column noticed_at;
