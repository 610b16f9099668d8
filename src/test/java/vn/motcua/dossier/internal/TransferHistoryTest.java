package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * One plan, two batches: batch 1 written as before (a TRANSFERRED event per dossier), batch 2 with its journal as the
 * history (docs/reorg.md, "Session 12"). Every reader of the history sees the two transfers alike.
 */
@IntegrationTest
class TransferHistoryTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    DossierStore store;
    @Autowired
    ProcessingStore processing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    vn.motcua.audit.TransferJournalSeal seal;

    @Test
    void aTransferReadFromTheJournalIsTheSameHistoryAsItsEvent() {
        referenceData.ensureAll();
        Http http = new Http(port);
        UUID a = UUID.fromString(DossierFixtures.acceptedThroughApi(http));
        UUID b = UUID.fromString(DossierFixtures.acceptedThroughApi(http));
        String from = jdbc.sql("select agency_code from dossier where id = ?").param(a).query(String.class).single();
        int before = store.events(b).size();
        UUID plan = UUID.randomUUID();
        Instant effective = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant due = effective.plus(10, ChronoUnit.DAYS);
        CustodyLedgerStore events = new CustodyLedgerStore(jdbcTemplate, dataSource, tx, seal, false);
        CustodyLedgerStore journal = new CustodyLedgerStore(jdbcTemplate, dataSource, tx, seal, true);
        events.record(plan, effective, 1, List.of(
                new CustodyLedger.Move(a, from, "UBND-TEST-H", "UBND thử", "FULL_MERGE", due, false),
                new CustodyLedger.Move(b, from, "UBND-TEST-H", "UBND thử", "FULL_MERGE", due, true)));
        assertThat(events.moveBatch(plan, 1, "quantri", "Sáp nhập thử")).isEqualTo(1);
        assertThat(journal.moveBatch(plan, 2, "quantri", "Sáp nhập thử")).isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and type = 'TRANSFERRED'").param(b)
                .query(Long.class).single()).as("no event written for the journal's batch").isZero();
        DossierEvent ea = last(store.events(a));
        DossierEvent eb = last(store.events(b));
        assertThat(eb.seq()).isEqualTo(before + 1);
        assertThat(eb.type()).isEqualTo(ea.type()).isEqualTo("TRANSFERRED");
        assertThat(eb.from()).isEqualTo(ea.from()).isEqualTo(DossierState.ACCEPTED);
        assertThat(eb.to()).isEqualTo(ea.to()).isEqualTo(DossierState.ACCEPTED);
        assertThat(List.of(eb.actor(), eb.actorAgency(), eb.reason()))
                .isEqualTo(List.of(ea.actor(), ea.actorAgency(), ea.reason()))
                .isEqualTo(List.of("quantri", "UBND-TEST-H", "Sáp nhập thử"));
        Map<String, Object> da = new java.util.HashMap<>(ea.data());
        da.put("receivedAfterEffective", true);
        assertThat(eb.data()).isEqualTo(da);
        Instant doneAt = jdbc.sql("select done_at from dossier_transfer_batch where plan_id = ? and batch_no = 2")
                .param(plan).query(java.sql.Timestamp.class).single().toInstant();
        assertThat(eb.at()).isEqualTo(doneAt);
        assertThat(processing.lastChange(b)).hasValueSatisfying(c -> assertThat(c.at()).isEqualTo(doneAt));

        // An event after the transfer counts it, as it counted the transfer's event.
        store.appendEvent(b, Instant.now(), DossierEventType.RATED, DossierState.ACCEPTED, DossierState.ACCEPTED,
                new Actor("tiepnhan", "Cán bộ tiếp nhận", null, null), null, Map.of());
        List<DossierEvent> after = store.events(b);
        assertThat(after).extracting(DossierEvent::seq).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, before + 2).boxed().toList());
        assertThat(after.get(before).type()).isEqualTo("TRANSFERRED");
        assertThat(last(after).type()).isEqualTo("RATED");

        // A day's history (reporting's catch-up and the indicators' delta read it by time) holds both transfers.
        assertThat(jdbc.sql("select count(*) from dossier_history where at >= ? and type = 'TRANSFERRED' "
                        + "and dossier_id in (?, ?)").param(java.sql.Timestamp.from(effective.minusSeconds(60))).param(a).param(b)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aDecisionAfterThePlanIsARowOfItsOwnAndTheJournalRowStaysAsSealed() {
        referenceData.ensureAll();
        UUID a = UUID.fromString(DossierFixtures.acceptedThroughApi(new Http(port)));
        String from = jdbc.sql("select agency_code from dossier where id = ?").param(a).query(String.class).single();
        UUID plan = UUID.randomUUID();
        Instant effective = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CustodyLedgerStore journal = new CustodyLedgerStore(jdbcTemplate, dataSource, tx, seal, true);
        journal.record(plan, effective, 10, List.of(new CustodyLedger.Move(a, from, "TTPV-TEST", "Trung tâm thử",
                "TRIAGE", null, false)));
        journal.moveBatch(plan, 1, "quantri", "Sáp nhập thử");
        String row = "select to_agency || '/' || rule from dossier_transfer where plan_id = ? and dossier_id = ?";
        assertThat(journal.moveOne(plan, a, "TTPV-TEST", "UBND-TEST-X", "UBND X", "EXPLICIT", effective, "quantri",
                "Quyết định phân loại")).isTrue();
        assertThat(jdbc.sql(row).param(plan).param(a).query(String.class).single()).isEqualTo("TTPV-TEST/TRIAGE");
        assertThat(journal.move(plan, a)).hasValueSatisfying(m -> {
            assertThat(m.toAgency()).isEqualTo("UBND-TEST-X");
            assertThat(m.basis()).isEqualTo("EXPLICIT");
        });
        assertThat(flows(plan)).singleElement().satisfies(f -> assertThat(f.toAgency()).isEqualTo("UBND-TEST-X"));
        // The reconciliation's one pass says what the three reads say: the decision's flow, one row, still open.
        CustodyLedger.Tally tally = journal.tally(plan, "EXPLICIT");
        assertThat(tally.flows()).isEqualTo(flows(plan));
        assertThat(tally.recorded()).isEqualTo(journal.recorded(plan)).isEqualTo(1);
        assertThat(tally.stillOpen()).isEqualTo(journal.stillOpen(plan, "EXPLICIT"));
        assertThat(tally.stillOpen().stillHeldWithBasis()).isEqualTo(1);
        assertThat(journal.tally(plan, "TRIAGE").stillOpen().stillHeldWithBasis()).isZero();
        // The history: the plan's move (from the journal), then the decision (its event).
        List<DossierEvent> history = store.events(a);
        assertThat(history.subList(history.size() - 2, history.size()))
                .extracting(e -> e.type() + ">" + e.data().get("to") + "/" + e.data().get("rule"))
                .containsExactly("TRANSFERRED>TTPV-TEST/TRIAGE", "TRANSFERRED>UBND-TEST-X/EXPLICIT");
    }

    /**
     * The plan's moves per (from, to, basis), read straight from the journal as the decisions left it: a pass of its
     * own, which the reconciliation's one pass ({@link CustodyLedger#tally}) must agree with.
     */
    private List<CustodyLedger.Flow> flows(UUID plan) {
        return jdbc.sql("select from_agency, to_agency, rule, count(*) from dossier_transfer_now where plan_id = ? "
                        + "group by 1, 2, 3 order by 1, 2, 3").param(plan)
                .query((rs, i) -> new CustodyLedger.Flow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    private static DossierEvent last(List<DossierEvent> events) {
        return events.get(events.size() - 1);
    }
}
