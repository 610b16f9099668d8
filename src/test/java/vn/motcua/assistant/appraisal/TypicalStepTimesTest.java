package vn.motcua.assistant.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;
import vn.motcua.support.TestClock;

/**
 * The medians behind the risk sort: taken over the last year's dossiers only, and kept a few minutes (a median read
 * the procedure's whole history on every risk-sorted inbox). Step codes of this test's own keep other tests' history
 * out.
 */
@IntegrationTest
class TypicalStepTimesTest {

    static final String AGENCY = "UBND-26740";
    static final String PROCEDURE = "1.001193";

    @Autowired
    ReferenceData referenceData;
    @Autowired
    DossierBulk bulk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TypicalStepTimes typical;
    @Autowired
    TestClock clock;
    String tag;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        tag = "tst" + ThreadLocalRandom.current().nextInt(100_000, 900_000);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        String like = "%" + tag + "%";
        jdbc.sql("delete from dossier_step where dossier_id in (select id from dossier where applicant_name like ?)")
                .param(like).update();
        jdbc.sql("delete from dossier where applicant_name like ?").param(like).update();
    }

    /** A returned dossier received {@code daysAgo} days ago whose step {@code code} took {@code hours}. */
    void finished(String code, int daysAgo, int hours) {
        UUID id = UUID.randomUUID();
        Instant received = clock.instant().minus(Duration.ofDays(daysAgo));
        bulk.insert(List.of(new DossierBulk.NewDossier(id, null, PROCEDURE, "Đăng ký khai sinh", DossierState.RETURNED,
                "Trung vị " + tag, "0912345678", null, "26740", "1 Lê Lợi", AGENCY, "UBND phường", received,
                received.plus(Duration.ofDays(5)))));
        Instant opened = received.plus(Duration.ofHours(1));
        jdbc.sql("""
                        insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at,
                            finished_at, outcome) values (?, 1, 1, ?, 'Thẩm định', 'HANDLING', ?, ?, ?, 'DONE')""")
                .params(id, code, AGENCY, Timestamp.from(opened), Timestamp.from(opened.plus(Duration.ofHours(hours))))
                .update();
    }

    @Test
    void work_on_dossiers_received_over_a_year_ago_does_not_count() {
        finished("OLD" + tag, 400, 1);
        finished("MIX" + tag, 400, 100);
        finished("MIX" + tag, 30, 2);

        var medians = typical.of(Set.of(PROCEDURE + "|OLD" + tag, PROCEDURE + "|MIX" + tag));

        assertThat(medians).doesNotContainKey(PROCEDURE + "|OLD" + tag)
                .containsEntry(PROCEDURE + "|MIX" + tag, 2 * 3600.0);
    }

    @Test
    void a_median_is_kept_ten_minutes_then_taken_again() {
        String pair = PROCEDURE + "|KEPT" + tag;
        finished("KEPT" + tag, 3, 2);
        assertThat(typical.of(Set.of(pair))).containsEntry(pair, 2 * 3600.0);

        finished("KEPT" + tag, 3, 4);
        clock.advance(Duration.ofMinutes(9));
        assertThat(typical.of(Set.of(pair))).as("within ten minutes").containsEntry(pair, 2 * 3600.0);

        clock.advance(Duration.ofMinutes(2));
        assertThat(typical.of(Set.of(pair))).as("after ten minutes: the median of 2 h and 4 h")
                .containsEntry(pair, 3 * 3600.0);
    }

    @Test
    void a_step_without_history_is_asked_again_once_it_has_some() {
        String pair = PROCEDURE + "|NEW" + tag;
        assertThat(typical.of(Set.of(pair))).isEmpty();
        finished("NEW" + tag, 3, 5);
        clock.advance(Duration.ofMinutes(11));
        assertThat(typical.of(Set.of(pair))).containsEntry(pair, 5 * 3600.0);
    }
}
