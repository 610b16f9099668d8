-- Which node executes a plan, for every node's plan page (issue 24): the executing node writes its row when a run
-- starts, renews beat_at every few seconds while it runs (motcua.reorg.heartbeat-interval) and deletes the row when
-- the run ends. A row whose beat has stopped is a node that died mid-run: the other nodes' pages say "interrupted,
-- will resume", and their PlanResumer takes the plan up once the execution lease is free and the beat has been silent
-- for motcua.reorg.resume-after. Not a history: runs are kept in reorg_plan.execution.
create table reorg_execution_heartbeat
(
    plan_id    uuid primary key references reorg_plan (id),
    node       text        not null,   -- motcua.cluster.node-name of the executing node
    started_at timestamptz not null,   -- when this node started the run
    beat_at    timestamptz not null    -- its last sign of life
);
