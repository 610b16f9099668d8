package vn.motcua.reorg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.reorg.internal.PlanDefinition;
import vn.motcua.reorg.internal.ReorgEngine;
import vn.motcua.reorg.internal.Reports;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.PlanEvents;
import vn.motcua.support.ReferenceData;
import vn.motcua.territory.Territory;

/**
 * Crash and resume: the same plan on two identical sets of in-flight dossiers, once uninterrupted, once stopped
 * (as a crash would) first right after the unit changes and then after batch 3, and resumed. The final states are
 * identical dossier by dossier, and so are the reconciliations.
 */
@IntegrationTest
class ReorgCrashResumeTest {

    static final int N = 600;

    @Autowired
    ReferenceData referenceData;
    @Autowired
    Territory territory;
    @Autowired
    DossierBulk bulk;
    @Autowired
    ReorgEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.modulith.events.IncompleteEventPublications incompletePublications;
    @org.springframework.beans.factory.annotation.Value("${spring.modulith.events.republish-outstanding-events-on-restart}")
    boolean republishOnRestart;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private String run;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    @org.junit.jupiter.api.AfterEach
    void removeFixtures() {
        if (run != null) {
            ReorgFixtures.delete(jdbc, "crA" + run);
            ReorgFixtures.delete(jdbc, "crB" + run);
        }
    }

    static final class Crash extends RuntimeException {
        Crash(String m) {
            super(m);
        }
    }

    @Test
    void interruptedThenResumedRunEndsExactlyLikeAnUninterruptedOne() {
        ReorgFixtures.OldWorld world = ReorgFixtures.oldWorld(territory);
        run = UUID.randomUUID().toString().substring(0, 6);

        bulk.insert(ReorgFixtures.dossiers(world, "crA" + run, N));
        UUID a = plan(world, false);
        Reports.Execution ea = engine.execute(a, "quantri");
        assertThat(ea.batches()).isGreaterThan(5);

        bulk.insert(ReorgFixtures.dossiers(world, "crB" + run, N));
        UUID b = plan(world, true);
        // Crash 1: right after the unit changes, before the journal.
        assertThatThrownBy(() -> engine.execute(b, "quantri", new ExecutionObserver() {
            @Override
            public void unitsApplied(UUID planId) {
                throw new Crash("after units");
            }
        })).isInstanceOf(Crash.class);
        assertThat(engine.view(b).state()).isEqualTo(PlanState.EXECUTING.name());
        assertThat(transferred("crB" + run)).isZero();
        // Crash 2: after batch 3 has committed.
        assertThatThrownBy(() -> engine.execute(b, "quantri", new ExecutionObserver() {
            @Override
            public void batchDone(UUID planId, int batchNo, int moved) {
                if (batchNo == 3) {
                    throw new Crash("after batch 3");
                }
            }
        })).isInstanceOf(Crash.class);
        long midway = transferred("crB" + run);
        // Batch 3 and whatever other batches were running beside it committed, nothing else (batches of 50).
        assertThat(midway).isGreaterThanOrEqualTo(3 * 50).isLessThan(ea.journal());
        assertThat(midway % 50).isZero();
        assertThat(engine.view(b).state()).isEqualTo(PlanState.EXECUTING.name());
        // Its applicants are told once every batch is done, not before: a plan stopped part-way is not executed, so
        // PlanExecuted was never published, and nobody is told.
        assertThat(PlanEvents.published(jdbc, b)).isZero();
        assertThat(transferNotices("crB" + run)).isZero();
        // The plan's page says the execution stopped part-way, how far it came, and how to go on.
        var http = new vn.motcua.support.Http(port);
        assertThat(http.login("quantri", "demo").status()).isEqualTo(302);
        String stopped = http.get("/admin/reorg/plans/" + b).body();
        assertThat(stopped).contains("Việc thực hiện đã dừng giữa chừng")
                .contains("Đã chuyển " + midway / 50 + " / " + ea.batches() + " lô")
                .contains("Bấm &quot;Thực hiện&quot; để tiếp tục").doesNotContain("hx-trigger");
        // Restart: finish.
        Reports.Execution eb = engine.execute(b, "quantri");
        assertThat(eb.movedNow()).isEqualTo(eb.journal() - midway);
        assertThat(eb.moved()).isEqualTo(eb.journal());  // the report covers every run of the plan
        assertThat(eb.runs()).extracting(Reports.Run::outcome).containsExactly("INTERRUPTED", "INTERRUPTED", "COMPLETED");
        assertThat(eb.journal()).isEqualTo(ea.journal());

        assertThat(finalState("crB" + run)).isEqualTo(finalState("crA" + run));
        Reports.Reconciliation ra = engine.view(a).reconciliation();
        Reports.Reconciliation rb = engine.view(b).reconciliation();
        assertThat(rb.invariantHolds()).isTrue();
        assertThat(List.of(rb.openBefore(), rb.openAfter(), rb.triage(), rb.journal()))
                .isEqualTo(List.of(ra.openBefore(), ra.openAfter(), ra.triage(), ra.journal()));
        assertThat(rb.byState()).isEqualTo(ra.byState());
        assertThat(engine.view(b).state()).isEqualTo(PlanState.RECONCILED.name());

        // Plan B tells its applicants (every 50th fixture dossier has an e-mail) after its moves, from its moves:
        // one message per such dossier, none lost or doubled by the crashes; plan A said not to.
        PlanEvents.awaitCompleted(jdbc, a);
        PlanEvents.awaitCompleted(jdbc, b);
        assertThat(PlanEvents.published(jdbc, b)).isEqualTo(1);
        // The listener id that V41_5 gives the publications it carries over from the old notice sweep.
        assertThat(jdbc.sql("select listener_id from event_publication where event_type = 'vn.motcua.reorg.PlanExecuted' "
                + "and serialized_event like ?").param("%" + b + "%").query(String.class).single())
                .isEqualTo("vn.motcua.notify.TransferNotices.on(vn.motcua.reorg.PlanExecuted)");
        long told = withEmail("crB" + run);
        assertThat(transferNotices("crB" + run)).isPositive().isEqualTo(told);
        assertThat(toldDossiers("crB" + run)).isEqualTo(told);
        assertThat(transferNotices("crA" + run)).isZero();

        // A crash while the notices were being written: the listener's transaction was lost with some of them (here:
        // all but one) and its publication stayed incomplete. At the next start the registry republishes incomplete
        // publications (republish-outstanding-events-on-restart; the start calls the same resubmission as here): the
        // lost notices are written, the one already there is not doubled.
        assertThat(republishOnRestart).isTrue();
        jdbc.sql("""
                delete from notification where dedup_key like '%/TRANSFERRED/' || ? and dossier_id <> (
                    select min(n.dossier_id::text)::uuid from notification n where n.dedup_key like '%/TRANSFERRED/' || ?)
                """).params(b.toString(), b.toString()).update();
        assertThat(transferNotices("crB" + run)).isEqualTo(1);
        assertThat(jdbc.sql("update event_publication set completion_date = null, status = 'PUBLISHED' "
                + "where event_type = 'vn.motcua.reorg.PlanExecuted' and serialized_event like ?")
                .param("%" + b + "%").update()).isEqualTo(1);
        assertThat(PlanEvents.incomplete(jdbc, b)).isEqualTo(1);
        incompletePublications.resubmitIncompletePublications(p -> true);
        PlanEvents.awaitCompleted(jdbc, b);
        assertThat(transferNotices("crB" + run)).isEqualTo(told);
        assertThat(toldDossiers("crB" + run)).isEqualTo(told);

        // A further execute is a no-op.
        engine.execute(b, "quantri");
        assertThat(finalState("crB" + run)).isEqualTo(finalState("crA" + run));
    }

    private UUID plan(ReorgFixtures.OldWorld world, boolean notifyApplicants) {
        UUID imported = engine.importMerges(null, "79", "2025-07-01", "quantri").id();
        PlanDefinition d = engine.definition(imported);
        List<PlanDefinition.RoutingRuleSpec> rules = new ArrayList<>();
        world.splitSuccessors().forEach((unit, succ) -> succ.forEach(s ->
                rules.add(new PlanDefinition.RoutingRuleSpec(unit, s, List.of(ReorgFixtures.street(unit, s))))));
        PlanDefinition small = new PlanDefinition(d.name(), d.effective(), d.legalBasis(), d.open(), d.operations(), rules,
                d.explicit(), d.postMappings(), d.deadlinePolicy(), d.extendWorkingDays(), 50, d.nearCutoverWorkingDays(),
                notifyApplicants);
        return engine.create(small, "quantri").id();
    }

    private long transferNotices(String tag) {
        return jdbc.sql("select count(*) from notification n join dossier d on d.id = n.dossier_id "
                + "where d.applicant_name like ? and n.dedup_key like '%/TRANSFERRED/%'").param(tag + "-%")
                .query(Long.class).single();
    }

    private long toldDossiers(String tag) {
        return jdbc.sql("select count(distinct n.dossier_id) from notification n join dossier d on d.id = n.dossier_id "
                + "where d.applicant_name like ? and n.dedup_key like '%/TRANSFERRED/%'").param(tag + "-%")
                .query(Long.class).single();
    }

    private long withEmail(String tag) {
        return jdbc.sql("select count(distinct d.id) from dossier d join dossier_history e on e.dossier_id = d.id and e.type = 'TRANSFERRED' "
                + "where d.applicant_name like ? and d.applicant_email <> ''").param(tag + "-%").query(Long.class).single();
    }

    private long transferred(String tag) {
        return jdbc.sql("select count(*) from dossier_history e join dossier d on d.id = e.dossier_id "
                + "where d.applicant_name like ? and e.type = 'TRANSFERRED'").param(tag + "-%").query(Long.class).single();
    }

    /** Per dossier index: agency, name, triage owner, state, due, number of events, transfer rule and target. */
    private List<String> finalState(String tag) {
        return jdbc.sql("""
                select split_part(d.applicant_name, '-', 2)::int as i, d.agency_code, d.agency_name, d.state, d.due_at,
                       (select count(*) from dossier_history e where e.dossier_id = d.id),
                       (select string_agg(e.data ->> 'rule' || '>' || (e.data ->> 'to') || '#' || coalesce(e.seq::text, 'journal'), ',')
                          from dossier_history e where e.dossier_id = d.id and e.type = 'TRANSFERRED')
                from dossier d where d.applicant_name like ? order by 1
                """).param(tag + "-%").query((rs, n) -> rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                + rs.getString(4) + "|" + rs.getTimestamp(5) + "|" + rs.getLong(6) + "|" + rs.getString(7)).list();
    }

}
