package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.internal.Actor;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.dossier.internal.ProcessingService;
import vn.motcua.dossier.internal.ResultDeliveries;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.support.StatementCounter;

/**
 * The SQL round trips of one dossier's life as {@code ProcessingBench} runs it (submit → accept → appraisal forward →
 * decision with an uploaded result → return), counted per action on the calling thread by a proxy around the
 * DataSource ({@link StatementCounter}). Each action is one transaction; its latency is dominated by the number of
 * synchronous statements, so this pins an upper bound per action. The second life is counted (caches warm).
 */
@IntegrationTest
@Import(StatementCounter.class)
// No delivery thread: the results handed over after the return wait until the test delivers them on its own thread
// (deliverWaiting), where their statements are counted
@TestPropertySource(properties = "motcua.dossier.result-delivery-thread=false")
class ProcessingRoundTripsTest {

    @Autowired
    ReferenceData referenceData;
    @Autowired
    IntakeService intake;
    @Autowired
    ProcessingService processing;
    @Autowired
    Officers officers;
    @Autowired
    DossierStore store;
    @Autowired
    ResultDeliveries deliveries;
    @Autowired
    JdbcClient jdbc;

    static final String PDF_B64 = DossierFixtures.PDF_B64;

    @Test
    void oneLifeStaysWithinItsRoundTrips() {
        referenceData.ensureAll();
        life();
        Map<String, StatementCounter.Trips> trips = life();
        trips.forEach((action, t) -> System.out.println("ROUND TRIPS " + action + ": " + t));
        // How these bounds came down (and the statements each action makes): docs/processing.md, "Fewer round trips".
        // submit: 2 once the catalogue and agency lookups are cached (their entries expire after 30 s: on a loaded
        // machine the first life can outlast them, and then they are 2 more) - the dossier with its attachment and
        // first event, and its notification (4 until session 11); the appraisal queues the files after the commit
        assertThat(trips.get("submit").count()).isLessThanOrEqualTo(5);
        assertThat(trips.get("submit").statements()).as("the submission's writes")
                .filteredOn(sql -> !sql.startsWith("select")).hasSizeLessThanOrEqualTo(2);
        // accept: 7; the officer assistant records the decision against its suggestion after the commit (issue #19)
        assertThat(trips.get("accept").count()).isLessThanOrEqualTo(7);
        assertThat(trips.get("forward").count()).isLessThanOrEqualTo(5);
        assertThat(trips.get("decide").count()).isLessThanOrEqualTo(7);
        // return: 6. Until session 12 it also read the result and its file and kept the signed result in the citizen's
        // data store in the same transaction (9); now the update that records the return marks the result for the
        // store (store_due), and the stamping, signing and storing run after the commit, on the delivery thread
        assertThat(trips.get("return").count()).isLessThanOrEqualTo(6);
        assertThat(trips.get("return").statements()).as("the return no longer touches the data store")
                .noneMatch(sql -> sql.contains("wallet_document")).anyMatch(sql -> sql.contains("store_due"));
        // the delivery after the commit (session 13): from what the return handed over, nothing read back - the lock
        // on the mark, the store's insert, the mark cleared
        assertThat(trips.get("delivery").statements()).filteredOn(ProcessingRoundTripsTest::notReference)
                .hasSizeLessThanOrEqualTo(3);
        assertThat(trips.get("delivery").statements()).as("the delivery reads neither the dossier nor the result back")
                .noneMatch(sql -> sql.contains("from dossier "))
                .noneMatch(sql -> sql.contains("content from") || sql.contains("outcome, file_name"))
                .anyMatch(sql -> sql.contains("insert into wallet_document"));
        trips.values().forEach(t -> assertThat(t.commits()).isEqualTo(1));
    }

    @Test
    void resultsWaitingAreDeliveredInOneTransaction() {
        referenceData.ensureAll();
        List<java.util.UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(decided("group" + i + "@example.vn"));
        }
        for (var id : ids) {
            processing.returnResult(id, null, "tiepnhan", ProcessingService.Delivery.ONLINE, processing.now());
        }
        var counted = StatementCounter.record(() -> deliveries.deliverWaiting());
        assertThat(counted.value()).isEqualTo(3);
        assertThat(counted.trips().commits()).as("one transaction for the three").isEqualTo(1);
        // the lock, one insert for the three, the marks cleared (besides the reference look-ups whose cache entries
        // expire after 30 s: the agency, the month's data key)
        assertThat(counted.trips().statements()).as(counted.trips().toString()).filteredOn(ProcessingRoundTripsTest::notReference)
                .hasSizeLessThanOrEqualTo(3);
        for (var id : ids) {
            assertThat(jdbc.sql("select count(*) from wallet_document where dossier_id = ? and source = 'RESULT' and signed")
                    .param(id).query(Long.class).single()).isEqualTo(1L);
            assertThat(jdbc.sql("select store_due is null from dossier_result where dossier_id = ?").param(id)
                    .query(Boolean.class).single()).as("mark cleared").isTrue();
        }
        assertThat(deliveries.deliverWaiting()).isZero();
    }

    /** Not a cached reference look-up (territory, catalogue, the vault's data key of the month). */
    static boolean notReference(String sql) {
        return !sql.contains("territory_") && !sql.contains("catalogue_") && !sql.contains("privacy_data_key");
    }

    /** A dossier submitted online and approved with an uploaded result: ready to be returned. */
    java.util.UUID decided(String email) {
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) DossierFixtures.birthSubmission("0901234567",
                email, DossierFixtures.SAI_GON).get("form");
        SubmitDossier cmd = new SubmitDossier("1.001193", new SubmitDossier.ApplicantData(Dossier.Applicant.Kind.PERSON,
                "Nguyễn Thị Thủy Tiên", "079190012345", "0901234567", email),
                new SubmitDossier.AddressData("26740", "12 Lê Lợi"), form,
                List.of(new SubmitDossier.AttachmentData("giay-chung-sinh.pdf", PDF_B64)));
        var id = intake.submit(cmd, new Actor("congdan", "Công dân", null, null), Dossier.Channel.ONLINE, null).id();
        intake.accept(id, null, officers.actor(() -> "tiepnhan"));
        processing.forward(id, null, "chuyenvien", null, null, processing.now());
        processing.decide(id, null, "lanhdao", ProcessingService.Outcome.APPROVED, "Cấp Giấy khai sinh",
                new SubmitDossier.AttachmentData("ket-qua.pdf", PDF_B64), processing.now());
        return id;
    }

    /** One life; every action's returned dossier must be the row as committed. */
    Map<String, StatementCounter.Trips> life() {
        Actor citizen = new Actor("congdan", "Công dân", null, null);
        Actor reception = officers.actor(() -> "tiepnhan");
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) DossierFixtures.birthSubmission("0901234567",
                "trips@example.vn", DossierFixtures.SAI_GON).get("form");
        SubmitDossier cmd = new SubmitDossier("1.001193", new SubmitDossier.ApplicantData(Dossier.Applicant.Kind.PERSON,
                "Nguyễn Thị Thủy Tiên", "079190012345", "0901234567", "trips@example.vn"),
                new SubmitDossier.AddressData("26740", "12 Lê Lợi"), form,
                List.of(new SubmitDossier.AttachmentData("giay-chung-sinh.pdf", PDF_B64)));
        Map<String, StatementCounter.Trips> out = new LinkedHashMap<>();
        Dossier submitted = action(out, "submit", () -> intake.submit(cmd, citizen, Dossier.Channel.ONLINE, null));
        var id = submitted.id();
        Dossier accepted = action(out, "accept", () -> intake.accept(id, null, reception));
        assertThat(accepted.state()).isEqualTo(DossierState.ACCEPTED);
        var forwardAt = processing.now();
        action(out, "forward", () -> processing.forward(id, null, "chuyenvien", null, null, forwardAt));
        var decideAt = processing.now();
        Dossier decided = action(out, "decide", () -> processing.decide(id, null, "lanhdao",
                ProcessingService.Outcome.APPROVED, "Cấp Giấy khai sinh",
                new SubmitDossier.AttachmentData("ket-qua.pdf", PDF_B64), decideAt));
        assertThat(decided.state()).isEqualTo(DossierState.RESULT_READY);
        var returnAt = processing.now();
        Dossier returned = action(out, "return", () -> processing.returnResult(id, null, "tiepnhan",
                ProcessingService.Delivery.COUNTER, returnAt));
        assertThat(returned.state()).isEqualTo(DossierState.RETURNED);
        assertThat(returned.closedAt()).isNotNull();
        // ... and the result reaches the citizen's store after the commit, handed over in memory
        var delivery = StatementCounter.record(() -> deliveries.deliverWaiting());
        assertThat(delivery.value()).isEqualTo(1);
        out.put("delivery", delivery.trips());
        assertThat(jdbc.sql("select count(*) from wallet_document where dossier_id = ? and source = 'RESULT'").param(id)
                .query(Long.class).single()).isEqualTo(1L);
        return out;
    }

    Dossier action(Map<String, StatementCounter.Trips> out, String name, Supplier<Dossier> work) {
        var counted = StatementCounter.record(work);
        out.put(name, counted.trips());
        assertThat(counted.value()).as(name + " returns the dossier as stored").isEqualTo(store.find(counted.value().id())
                .orElseThrow());
        return counted.value();
    }
}
