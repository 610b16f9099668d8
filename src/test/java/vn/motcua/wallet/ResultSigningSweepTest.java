package vn.motcua.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.SubmitDossier;
import vn.motcua.dossier.internal.Actor;
import vn.motcua.dossier.internal.IntakeService;
import vn.motcua.dossier.internal.Officers;
import vn.motcua.dossier.internal.ProcessingService;
import vn.motcua.dossier.internal.ResultDeliveries;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The returned result is signed into the citizen's data store after the return commits (docs/data-store.md): a node
 * that stops between the commit and the signing leaves the result marked, and the recovery sweep signs it, once; two
 * nodes sweeping at once sign each result once; a return that rolls back leaves nothing to sign.
 */
@IntegrationTest
class ResultSigningSweepTest {

    @Autowired
    ReferenceData referenceData;
    @Autowired
    IntakeService intake;
    @Autowired
    ProcessingService processing;
    @Autowired
    Officers officers;
    @Autowired
    ResultDeliveries deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    /** A birth registration congdan submitted online, approved with an uploaded result: ready to be returned. */
    UUID decided() {
        referenceData.ensureAll();
        @SuppressWarnings("unchecked")
        Map<String, Object> form = (Map<String, Object>) DossierFixtures.birthSubmission("0901234567",
                "sweep@example.vn", DossierFixtures.SAI_GON).get("form");
        SubmitDossier cmd = new SubmitDossier(DossierFixtures.BIRTH, new SubmitDossier.ApplicantData(
                Dossier.Applicant.Kind.PERSON, "Nguyễn Thị Thủy Tiên", "079190012345", "0901234567", "sweep@example.vn"),
                new SubmitDossier.AddressData(DossierFixtures.SAI_GON, "12 Lê Lợi"), form,
                List.of(new SubmitDossier.AttachmentData("giay-chung-sinh.pdf", DossierFixtures.PDF_B64)));
        UUID id = intake.submit(cmd, new Actor("congdan", "Công dân", null, null), Dossier.Channel.ONLINE, null).id();
        intake.accept(id, null, officers.actor(() -> "tiepnhan"));
        processing.forward(id, null, "chuyenvien", null, null, processing.now());
        Dossier d = processing.decide(id, null, "lanhdao", ProcessingService.Outcome.APPROVED, "Cấp Giấy khai sinh",
                new SubmitDossier.AttachmentData("ket-qua.pdf", DossierFixtures.PDF_B64), processing.now());
        assertThat(d.state()).isEqualTo(DossierState.RESULT_READY);
        return id;
    }

    /**
     * Returns the result, and the node "stops" right after the commit: a commit hook registered before the return's
     * own throws, so the return's wake-up of the signing never runs (nor any other hook after it).
     */
    void returnAndStop(UUID id) {
        var tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    throw new IllegalStateException("node stopped after the commit");
                }
            });
            processing.returnResult(id, null, "tiepnhan", ProcessingService.Delivery.ONLINE, processing.now());
        })).hasMessageContaining("node stopped");
    }

    long held(UUID id) {
        return jdbc.sql("select count(*) from wallet_document where dossier_id = ? and source = 'RESULT'").param(id)
                .query(Long.class).single();
    }

    boolean marked(UUID id) {
        return jdbc.sql("select store_due is not null from dossier_result where dossier_id = ?").param(id)
                .query(Boolean.class).single();
    }

    @Test
    void aResultLeftBySomeNodeStoppingAfterTheReturnIsSignedByTheSweepOnce() {
        UUID id = decided();
        returnAndStop(id);
        assertThat(jdbc.sql("select state from dossier where id = ?").param(id).query(String.class).single())
                .as("the return committed").isEqualTo("RETURNED");
        assertThat(marked(id)).as("still to sign").isTrue();
        assertThat(held(id)).as("not signed: the wake-up never ran").isZero();

        long before = deliveries.delivered();
        assertThat(deliveries.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(held(id)).isEqualTo(1);
        assertThat(marked(id)).isFalse();
        assertThat(jdbc.sql("select signed from wallet_document where dossier_id = ?").param(id).query(Boolean.class)
                .single()).as("stamped and signed as at the return").isTrue();
        // Nothing left: a second sweep and the hook do nothing for it
        long after = deliveries.delivered();
        assertThat(deliveries.sweep()).isZero();
        assertThat(deliveries.deliver(id)).isFalse();
        assertThat(deliveries.delivered()).isEqualTo(after);
        assertThat(after - before).isGreaterThanOrEqualTo(1);
        assertThat(held(id)).isEqualTo(1);
    }

    @Test
    void twoNodesSweepingAtOnceSignEachResultOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = decided();
            returnAndStop(id);
            ids.add(id);
        }
        assertThat(ids).allMatch(this::marked).allMatch(id -> held(id) == 0);
        long before = deliveries.delivered();
        long pending = deliveries.pending();
        // Two sweeps started together (two nodes: they share nothing but the database)
        var start = new CyclicBarrier(2);
        var a = CompletableFuture.supplyAsync(() -> sweepAfter(start));
        var b = CompletableFuture.supplyAsync(() -> sweepAfter(start));
        int signed = a.get() + b.get();
        // Each marked result (these six, and any another test left) signed by exactly one of them
        assertThat(signed).isEqualTo(pending - deliveries.pending()).isGreaterThanOrEqualTo(ids.size());
        assertThat(deliveries.delivered() - before).isEqualTo(signed);
        assertThat(ids).allMatch(id -> held(id) == 1).noneMatch(this::marked);
    }

    int sweepAfter(CyclicBarrier start) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return deliveries.sweep();
    }

    @Test
    void aReturnThatRollsBackLeavesNothingToSign() {
        UUID id = decided();
        var tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            processing.returnResult(id, null, "tiepnhan", ProcessingService.Delivery.ONLINE, processing.now());
            s.setRollbackOnly();
        });
        assertThat(jdbc.sql("select state from dossier where id = ?").param(id).query(String.class).single())
                .isEqualTo("RESULT_READY");
        assertThat(marked(id)).isFalse();
        assertThat(deliveries.deliver(id)).isFalse();
        assertThat(held(id)).isZero();
        // Returned for good this time: in the store a moment later (the hook waits for the delivery thread)
        processing.returnResult(id, null, "tiepnhan", ProcessingService.Delivery.ONLINE, processing.now());
        deliveries.deliver(id);
        assertThat(held(id)).isEqualTo(1);
        assertThat(marked(id)).isFalse();
    }
}
