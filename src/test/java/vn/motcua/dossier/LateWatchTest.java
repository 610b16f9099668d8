package vn.motcua.dossier;

import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.internal.LateWatch;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

import static org.assertj.core.api.Assertions.assertThat;

/** The late watch: SOON by the working calendar, LATE once past due, and never waiting for a row someone holds. */
@IntegrationTest
class LateWatchTest {

    /** Wednesday 25 November 2026, 09:00 in Hồ Chí Minh City: a working morning. */
    static final Instant WEDNESDAY_9 = ZonedDateTime.of(2026, 11, 25, 9, 0, 0, 0, ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    LateWatch lateWatch;
    Http http;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        http = new Http(port);
    }

    UUID accepted() {
        return UUID.fromString(DossierFixtures.acceptedThroughApi(http));
    }

    void dueAt(UUID id, Instant dossierDue, Instant stepDue) {
        jdbc.sql("update dossier set due_at = ?, warning = null where id = ?")
                .params(java.sql.Timestamp.from(dossierDue), id).update();
        jdbc.sql("update dossier_step set due_at = ?, warning = null where dossier_id = ? and finished_at is null")
                .params(java.sql.Timestamp.from(stepDue), id).update();
    }

    String dossierWarning(UUID id) {
        return jdbc.sql("select warning from dossier where id = ?").param(id).query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    String stepWarning(UUID id) {
        return jdbc.sql("select warning from dossier_step where dossier_id = ? and finished_at is null").param(id)
                .query((rs, i) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }

    @Test
    void flagsSoonByWorkingTimeAndLateOncePastDue() {
        UUID soon = accepted();
        UUID later = accepted();
        UUID late = accepted();
        // 2 working hours left (soon), 3 working days left (not yet), 1 hour past (late).
        dueAt(soon, WEDNESDAY_9.plusSeconds(2 * 3600), WEDNESDAY_9.plusSeconds(30 * 60));
        dueAt(later, WEDNESDAY_9.plusSeconds(3 * 24 * 3600), WEDNESDAY_9.plusSeconds(3 * 24 * 3600));
        dueAt(late, WEDNESDAY_9.minusSeconds(3600), WEDNESDAY_9.minusSeconds(3600));

        var run = lateWatch.watch(WEDNESDAY_9);

        assertThat(run.ran()).isTrue();
        assertThat(dossierWarning(soon)).isEqualTo("SOON");
        assertThat(stepWarning(soon)).isEqualTo("SOON");
        assertThat(dossierWarning(later)).isNull();
        assertThat(stepWarning(later)).isNull();
        assertThat(dossierWarning(late)).isEqualTo("LATE");
        assertThat(stepWarning(late)).isEqualTo("LATE");
        // SOON turns LATE when the instant passes; LATE stays LATE.
        lateWatch.watch(WEDNESDAY_9.plusSeconds(3 * 3600));
        assertThat(dossierWarning(soon)).isEqualTo("LATE");
        assertThat(stepWarning(soon)).isEqualTo("LATE");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120) // a watch that waited for the held row would never return
    void skipsARowAnotherTransactionHoldsAndFlagsItOnTheNextRun() throws Exception {
        UUID held = accepted();
        UUID free = accepted();
        dueAt(held, WEDNESDAY_9.minusSeconds(3600), WEDNESDAY_9.minusSeconds(3600));
        dueAt(free, WEDNESDAY_9.minusSeconds(3600), WEDNESDAY_9.minusSeconds(3600));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var ps = other.prepareStatement("select 1 from dossier where id = ? for update")) {
                ps.setObject(1, held);
                ps.executeQuery().close();
            }
            try (var ps = other.prepareStatement("select 1 from dossier_step where dossier_id = ? for update")) {
                ps.setObject(1, held);
                ps.executeQuery().close();
            }
            // Returns at once (a waiting watch would block here until the other transaction ends).
            var run = lateWatch.watch(WEDNESDAY_9);
            assertThat(run.ran()).isTrue();
            assertThat(dossierWarning(free)).isEqualTo("LATE");
            assertThat(dossierWarning(held)).isNull();
            assertThat(stepWarning(held)).isNull();
            other.rollback();
        }
        lateWatch.watch(WEDNESDAY_9);
        assertThat(dossierWarning(held)).isEqualTo("LATE");
        assertThat(stepWarning(held)).isEqualTo("LATE");
    }
}
