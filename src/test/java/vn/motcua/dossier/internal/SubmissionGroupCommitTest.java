package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.DossierFixtures;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * Group commit of concurrent submissions ({@link SubmissionWriter}). A lock on {@code dossier}, held by the test,
 * stops the writer in the middle of a first group; the submissions sent meanwhile wait together and are written as
 * the next group once the lock is released. Each request keeps its own answer.
 */
@IntegrationTest
class SubmissionGroupCommitTest extends ApiTest {

    @Autowired
    SubmissionWriter writer;
    @Autowired
    DataSource dataSource;

    private final ExecutorService clients = Executors.newFixedThreadPool(12);

    @AfterEach
    void close() {
        clients.shutdownNow();
        jdbc.sql("alter table dossier drop constraint if exists test_group_refused").update();
        jdbc.sql("drop trigger if exists test_group_commit_fails on dossier").update();
    }

    record Sent(Map<String, Object> body, String key) {
    }

    static Sent fresh() {
        String phone = "09" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        return new Sent(DossierFixtures.birthSubmission(phone, "nhom." + phone + "@example.vn", DossierFixtures.SAI_GON),
                UUID.randomUUID().toString());
    }

    static Sent withEmail(String email) {
        Sent s = fresh();
        Map<String, Object> body = new LinkedHashMap<>(s.body());
        Map<String, Object> applicant = new LinkedHashMap<>(castMap(body.get("applicant")));
        applicant.put("email", email);
        body.put("applicant", applicant);
        return new Sent(body, s.key());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private Http.Response send(Sent s) {
        return http.postJson("congdan", "demo", "/api/v1/dossiers", s.body(), "Idempotency-Key", s.key());
    }

    /**
     * Sends {@code group} while the writer is held, then lets it go: the first submission is the one the writer is
     * stuck on, the others wait in its queue and are written together. Returns the group's answers, in order.
     */
    private List<Http.Response> heldGroup(List<Sent> group) throws Exception {
        List<CompletableFuture<Http.Response>> answers = new ArrayList<>();
        CompletableFuture<Http.Response> blocker;
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            lock.createStatement().execute("lock table dossier in share row exclusive mode");
            blocker = CompletableFuture.supplyAsync(() -> send(fresh()), clients);
            await(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like 'with ins as%'""")
                    .query(Integer.class).single() == 1);
            for (Sent s : group) {
                answers.add(CompletableFuture.supplyAsync(() -> send(s), clients));
            }
            await(() -> writer.waiting() == group.size());
            // Not committed, so not answered: neither the group stuck on the lock nor the ones waiting for it.
            assertThat(blocker).isNotDone();
            assertThat(answers).noneMatch(CompletableFuture::isDone);
            lock.rollback();
        }
        assertThat(blocker.get().status()).as(blocker.get().body()).isEqualTo(201);
        List<Http.Response> out = new ArrayList<>();
        for (var a : answers) {
            out.add(a.get());
        }
        return out;
    }

    private static void await(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }

    private void assertWrittenWithItsNotification(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("id").asString());
        assertThat(jdbc.sql("select count(*) from dossier where id = ?").param(id).query(Integer.class).single())
                .as("an acknowledged dossier exists").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dossier_attachment where dossier_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where dossier_id = ?").param(id).query(Integer.class)
                .single()).as("its notification").isEqualTo(1);
    }

    @Test
    void aGroupIsWrittenTogetherAndARepeatedKeyInsideItYieldsOneDossier() throws Exception {
        Sent a = fresh();
        Sent b = fresh();
        Sent repeated = fresh();
        long before = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        var answers = heldGroup(List.of(a, repeated, b, repeated));
        answers.forEach(this::assertWrittenWithItsNotification);
        assertThat(answers.get(1).json().get("id").asString()).isEqualTo(answers.get(3).json().get("id").asString());
        assertThat(answers.get(0).json().get("id").asString()).isNotEqualTo(answers.get(2).json().get("id").asString());
        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(repeated.key())
                .query(Integer.class).single()).isEqualTo(1);
        // the blocker, a, b and one for the repeated key
        assertThat(jdbc.sql("select count(*) from dossier").query(Long.class).single()).isEqualTo(before + 4);
    }

    @Test
    void aConstraintFailureInOneSubmissionFailsOnlyThatOne() throws Exception {
        String refused = "tu.choi." + UUID.randomUUID() + "@example.vn";
        jdbc.sql("alter table dossier add constraint test_group_refused check (applicant_email <> '" + refused
                + "') not valid").update();
        // What the same submission gets on its own (no group): the answer the group must give it too.
        var alone = send(withEmail(refused));
        assertThat(alone.status()).isEqualTo(500);
        assertThat(alone.contentType()).startsWith("application/problem+json");

        Sent bad = withEmail(refused);
        var answers = heldGroup(List.of(fresh(), bad, fresh(), fresh()));
        assertThat(answers.get(1).status()).isEqualTo(alone.status());
        assertThat(answers.get(1).contentType()).startsWith("application/problem+json");
        assertThat(answers.get(1).json().get("code").asString()).isEqualTo(alone.json().get("code").asString());
        for (int i : new int[]{0, 2, 3}) {
            assertWrittenWithItsNotification(answers.get(i));
        }
        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(bad.key())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aGroupWhoseCommitFailsLosesOnlyUnacknowledgedSubmissions() throws Exception {
        String failing = "hong." + UUID.randomUUID() + "@example.vn";
        // Checked at commit (deferred): the group's statement succeeds, its commit fails and rolls everything back.
        jdbc.sql("""
                create or replace function test_group_commit_fails() returns trigger language plpgsql as $$
                begin raise exception 'commit refused for %', new.applicant_email; end $$""").update();
        jdbc.sql("create constraint trigger test_group_commit_fails after insert on dossier deferrable initially deferred"
                + " for each row when (new.applicant_email = '" + failing + "') execute function test_group_commit_fails()")
                .update();
        Sent bad = withEmail(failing);
        List<Sent> group = List.of(fresh(), fresh(), bad, fresh(), fresh());
        var answers = heldGroup(group);
        for (int i = 0; i < group.size(); i++) {
            if (i == 2) {
                assertThat(answers.get(i).status()).isEqualTo(500);
                assertThat(answers.get(i).contentType()).startsWith("application/problem+json");
            } else {
                assertWrittenWithItsNotification(answers.get(i));
            }
        }
        assertThat(jdbc.sql("select count(*) from dossier where idempotency_key = ?").param(bad.key())
                .query(Integer.class).single()).isZero();
        // the same key sent again once the fault is gone is a new dossier, written in a group of its own
        jdbc.sql("drop trigger test_group_commit_fails on dossier").update();
        assertWrittenWithItsNotification(send(bad));
    }
}
