package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.PostRole;

/**
 * Issue #24, session 11: what the processing page computes beside its list. The counts by state are exact up to
 * {@link ProcessingQueries#COUNT_CAP} and shown as "1.000+" past it; the leader's workload table (now read from the
 * covering open-steps index) follows an assignment, a reassignment and a finished step at once.
 */
@IntegrationTest
class ProcessingPageCountsTest extends InboxTest {

    @Autowired
    vn.motcua.dossier.internal.LateWatch lateWatch;
    @Autowired
    org.flywaydb.core.Flyway flyway;
    String other;

    @Override
    String tagPrefix() {
        return "ppc";
    }

    void dossiers(String agency, DossierState state, int n) {
        tagged.births(agency, state, n, Instant.now().minus(Duration.ofDays(30)));
    }

    @Test
    void counts_by_state_are_exact_up_to_the_bound_and_stop_past_it() {
        String agency = "T-" + tag.toUpperCase();
        dossiers(agency, DossierState.ACCEPTED, 2);
        dossiers(agency, DossierState.PROCESSING_PAUSED, 1);
        dossiers(agency, DossierState.RETURNED, ProcessingQueries.COUNT_CAP + 2);
        dossiers("T2-" + tag.toUpperCase(), DossierState.STOPPED, 3);

        var counts = processing.countsByState(List.of(agency));
        assertThat(counts).containsExactly(Map.entry(DossierState.ACCEPTED, 2L),
                Map.entry(DossierState.PROCESSING_PAUSED, 1L), Map.entry(DossierState.RESULT_READY, 0L),
                Map.entry(DossierState.RETURNED, (long) ProcessingQueries.COUNT_CAP + 1),
                Map.entry(DossierState.STOPPED, 0L));
        // Several agencies: each state counted over all of them.
        assertThat(processing.countsByState(List.of(agency, "T2-" + tag.toUpperCase())))
                .containsEntry(DossierState.STOPPED, 3L).containsEntry(DossierState.ACCEPTED, 2L);
        assertThat(processing.countsByState(List.of())).containsOnlyKeys(counts.keySet()).allSatisfy((s, n) -> assertThat(n).isZero());
    }

    @Test
    void the_page_shows_a_count_past_the_bound_as_more_than_a_thousand() {
        dossiers("UBND-26740", DossierState.STOPPED, ProcessingQueries.COUNT_CAP + 2);
        Http h = new Http(port);
        h.login("lanhdao", "demo");
        String page = h.get("/workbench/processing").body();
        assertThat(page).contains("Dừng xử lý: 1.000+").doesNotContain("Dừng xử lý: 100");
    }

    long open(String assignee) {
        return processing.workload(List.of("UBND-26740")).stream().filter(w -> assignee.equals(w.assignee()))
                .mapToLong(ProcessingQueries.Workload::open).sum();
    }

    long queue(PostRole role) {
        return processing.workload(List.of("UBND-26740")).stream()
                .filter(w -> w.assignee() == null && w.queueRole() == role).mapToLong(ProcessingQueries.Workload::open).sum();
    }

    @Test
    void the_workload_follows_an_assignment_a_reassignment_and_a_finished_step() {
        other = "xl" + tag;
        appointed = officers.appointedToday(other, "Phan Thị Xử Lý", Role.HANDLING_OFFICER, "CB-" + tag, "UBND-26740",
                "UBND-26740-" + tag, "Công chức hộ tịch", PostRole.HANDLING, "HO_TICH");

        Http http = new Http(port);
        String id = DossierFixtures.acceptedThroughApi(http);
        long handlingQueue = queue(PostRole.HANDLING);
        long mine = open("chuyenvien");
        assertThat(open(other)).isZero();

        assertThat(act(http, "lanhdao", id, "assign", Map.of("version", version(id), "assignee", "chuyenvien")).status())
                .isEqualTo(200);
        assertThat(open("chuyenvien")).isEqualTo(mine + 1);
        assertThat(queue(PostRole.HANDLING)).isEqualTo(handlingQueue - 1);

        assertThat(act(http, "lanhdao", id, "assign", Map.of("version", version(id), "assignee", other)).status())
                .isEqualTo(200);
        assertThat(open("chuyenvien")).isEqualTo(mine);
        assertThat(open(other)).isEqualTo(1);
        assertThat(processing.workload(List.of("UBND-26740"))).filteredOn(w -> other.equals(w.assignee()))
                .singleElement().satisfies(w -> assertThat(w.assigneeName()).isEqualTo("Phan Thị Xử Lý"));

        long leaderQueue = queue(PostRole.LEADER);
        var forwarded = act(http, other, id, "forward", Map.of("version", version(id)));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
        assertThat(open(other)).isZero();
        assertThat(queue(PostRole.HANDLING)).isEqualTo(handlingQueue - 1);
        assertThat(queue(PostRole.LEADER) + open("lanhdao")).isGreaterThan(leaderQueue);
    }

    @Test
    void the_warned_count_follows_the_dossiers_warning_through_its_open_steps() {
        Http http = new Http(port);
        String id = DossierFixtures.acceptedThroughApi(http);
        UUID dossier = UUID.fromString(id);
        var leader = processing.scope("lanhdao", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
        long before = processing.count("lanhdao", leader, ProcessingQueries.Filter.WARNED);
        assertThat(before).isLessThan(ProcessingQueries.COUNT_CAP);
        assertThat(warnedList(leader)).doesNotContain(dossier);

        // The appointment passes: the late watch flags the dossier (not its step, whose own deadline is later).
        jdbc.sql("update dossier set due_at = now() - interval '1 hour' where id = ?").param(dossier).update();
        lateWatch.watch(Instant.now());
        assertThat(jdbc.sql("select warning from dossier where id = ?").param(dossier).query(String.class).single()).isEqualTo("LATE");
        assertThat(processing.count("lanhdao", leader, ProcessingQueries.Filter.WARNED)).isEqualTo(before + 1);
        assertThat(warnedList(leader)).contains(dossier);

        // The next step, opened after the warning, carries it too.
        assertThat(act(http, "lanhdao", id, "assign", Map.of("version", version(id), "assignee", "chuyenvien")).status())
                .isEqualTo(200);
        var forwarded = act(http, "chuyenvien", id, "forward", Map.of("version", version(id)));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
        assertThat(processing.count("lanhdao", leader, ProcessingQueries.Filter.WARNED)).isEqualTo(before + 1);
        assertThat(warnedList(leader)).contains(dossier);

        // A new appointment clears the dossier's warning, and with it the step's.
        jdbc.sql("update dossier set due_at = now() + interval '10 days', warning = null where id = ?").param(dossier).update();
        assertThat(processing.count("lanhdao", leader, ProcessingQueries.Filter.WARNED)).isEqualTo(before);
        assertThat(warnedList(leader)).doesNotContain(dossier);
    }

    List<UUID> warnedList(ProcessingQueries.Scope scope) {
        return processing.queue("lanhdao", scope, ProcessingQueries.Filter.WARNED, ProcessingQueries.COUNT_CAP).stream()
                .map(ProcessingQueries.QueueRow::dossierId).toList();
    }

    @Test
    void the_covering_open_steps_index_is_built_once_not_on_every_start() {
        String sql = "select indexrelid::bigint from pg_index where indexrelid = 'dossier_step_queue_due'::regclass";
        long before = jdbc.sql(sql).query(Long.class).single();
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'dossier_step_queue_due'").query(String.class)
                .single()).contains("INCLUDE (assignee, assignee_name, field_key, warning, dossier_warning)",
                "WHERE (finished_at IS NULL)");
        // afterMigrate scripts run on every migrate (every start): this one must find its index and leave it.
        flyway.migrate();
        assertThat(jdbc.sql(sql).query(Long.class).single()).isEqualTo(before);
    }

    int version(String id) {
        return jdbc.sql("select version from dossier where id = ?").param(UUID.fromString(id)).query(Integer.class).single();
    }

    Http.Response act(Http http, String user, String id, String action, Map<String, Object> body) {
        return http.postJson(user, "demo", "/api/v1/dossiers/" + id + "/" + action, body);
    }
}
