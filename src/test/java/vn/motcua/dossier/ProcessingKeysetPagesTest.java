package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.dossier.internal.ProcessingQueries.Filter;
import vn.motcua.dossier.internal.ProcessingQueries.QueueRow;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.TaggedDossiers;

/**
 * Issue #24: the processing lists as keyset pages over the open steps' (agency, role, due_at, dossier_id) index, with
 * a count bounded at 1,000; a typed dossier code as an exact look-up that still respects the officer's queues; the
 * reception's refused tab limited to a recent window.
 */
@IntegrationTest
class ProcessingKeysetPagesTest extends InboxTest {

    static final String AGENCY = "UBND-26740";
    /** Before any other test's step: the tied rows of this test are the first of the lists. */
    static final Instant LONG_AGO = Instant.parse("2001-01-01T01:00:00Z");

    @Override
    String tagPrefix() {
        return "kst";
    }

    List<UUID> dossiers(int n, DossierState state, Instant received) {
        return tagged.births(TaggedDossiers.AGENCY, state, n, received);
    }

    void openStep(UUID dossier, String role, Instant due) {
        tagged.step(dossier, 1, "APPRAISAL", "Thẩm định", role, Instant.now().minus(Duration.ofHours(1)), due, null);
    }

    ProcessingQueries.Scope scope(String user) {
        return processing.scope(user, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    @Test
    void page_two_follows_page_one_under_equal_due_times_and_steps_without_a_due_time_come_last() {
        List<UUID> tied = dossiers(5, DossierState.ACCEPTED, Instant.now().minus(Duration.ofDays(3)));
        tied.forEach(id -> openStep(id, "HANDLING", LONG_AGO));
        UUID undated = dossiers(1, DossierState.ACCEPTED, Instant.now().minus(Duration.ofDays(3))).get(0);
        openStep(undated, "HANDLING", null);
        var scope = scope("chuyenvien");

        // Pages of two over five rows due at the same instant: the id breaks the tie, so no row twice and none skipped.
        List<UUID> firstSix = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            var p = processing.seek("chuyenvien", scope, Filter.ALL, null, after, 2);
            assertThat(p.items()).hasSize(2);
            if (page < 2) {
                assertThat(p.next()).isNotNull();
            }
            p.items().forEach(r -> firstSix.add(r.dossierId()));
            after = p.next();
        }
        List<UUID> byId = tied.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        assertThat(firstSix.subList(0, 5)).containsExactlyElementsOf(byId);
        assertThat(firstSix.get(5)).isNotIn(tied);

        // Walking to the end: every row once, the step without a due time after every step with one.
        List<QueueRow> all = new ArrayList<>();
        after = null;
        do {
            var p = processing.seek("chuyenvien", scope, Filter.ALL, null, after, 50);
            all.addAll(p.items());
            after = p.next();
        } while (after != null);
        Set<UUID> seen = new HashSet<>();
        all.forEach(r -> assertThat(seen.add(r.dossierId())).as("twice: %s", r.dossierId()).isTrue());
        assertThat(seen).contains(undated).containsAll(tied);
        int undatedAt = all.stream().map(QueueRow::dossierId).toList().indexOf(undated);
        assertThat(all.subList(0, undatedAt)).allMatch(r -> r.stepDueAt() != null);
        assertThat(all.subList(undatedAt, all.size())).allMatch(r -> r.stepDueAt() == null);
        for (int i = 1; i < undatedAt; i++) {
            assertThat(all.get(i).stepDueAt()).isAfterOrEqualTo(all.get(i - 1).stepDueAt());
        }

        // The page's links: the next page starts where this one ended.
        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        String page = officer.get("/workbench/processing").body();
        var next = java.util.regex.Pattern.compile("id=\"queue-next\" href=\"([^\"]+)\"").matcher(page);
        if (all.size() > 50) {
            assertThat(next.find()).isTrue();
            String second = officer.get(next.group(1).replace("&amp;", "&")).body();
            assertThat(second).contains("id=\"row-" + all.get(50).dossierId() + "\"", "id=\"queue-first\"")
                    .doesNotContain("id=\"row-" + all.get(49).dossierId() + "\"");
        } else {
            assertThat(next.find()).isFalse();
            assertThat(page).contains("Có " + all.size() + " hồ sơ.");
        }
    }

    @Test
    void the_count_stops_at_one_thousand_and_the_page_says_more_than_that() {
        dossiers(1001, DossierState.ACCEPTED, Instant.now().minus(Duration.ofDays(3)));
        jdbc.sql("""
                        insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, opened_at, due_at)
                        select id, 1, 3, 'APPROVAL', 'Phê duyệt', 'LEADER', ?, now(), now() + interval '30 days'
                        from dossier where applicant_name like ?""")
                .params(AGENCY, "%" + tag + "%").update();
        var leader = scope("lanhdao");
        var p = processing.seek("lanhdao", leader, Filter.ALL, null, null, 50);
        assertThat(p.items()).hasSize(50);
        assertThat(p.total()).isEqualTo(1000);
        assertThat(p.totalExact()).isFalse();
        // A narrower list is counted exactly: the leader's own (claimed) steps are far fewer.
        var mine = processing.seek("lanhdao", leader, Filter.MINE, null, null, 50);
        assertThat(mine.totalExact()).isTrue();
        assertThat(mine.total()).isLessThan(1000);

        Http h = new Http(port);
        h.login("lanhdao", "demo");
        String page = h.get("/workbench/processing").body();
        assertThat(page).contains("Có hơn 1.000 hồ sơ.").contains("id=\"queue-next\"");
        // The closed states grow with the years: counted up to the same bound.
        dossiers(1001, DossierState.RETURNED, Instant.now().minus(Duration.ofDays(400)));
        assertThat(processing.countsByState(List.of(AGENCY)).get(DossierState.RETURNED)).isEqualTo(1001);
        assertThat(h.get("/workbench/processing").body()).containsPattern(">[^<]*: 1\\.000\\+</span>");
        // A name search over a queue of more than SEARCH_SCAN steps says it looked at the most urgent ones only.
        var searched = processing.seek("lanhdao", leader, Filter.ALL, "Trần Văn " + tag, null, 50);
        assertThat(searched.searchBounded()).isTrue();
        assertThat(searched.totalExact()).isFalse();
        assertThat(searched.items()).isNotEmpty().allMatch(r -> r.applicantName().contains(tag));
        String searchPage = h.get("/workbench/processing?q=" + tag).body();
        assertThat(searchPage).contains("id=\"queue-search-bounded\"").contains("Đã tìm trong 1.000 hồ sơ");
    }

    @Test
    void a_typed_dossier_code_is_an_exact_look_up_that_still_respects_the_officers_queues() {
        UUID id = dossiers(1, DossierState.ACCEPTED, Instant.now().minus(Duration.ofDays(3))).get(0);
        openStep(id, "HANDLING", Instant.now().plus(Duration.ofDays(2)));
        String code = jdbc.sql("select code from dossier where id = ?").param(id).query(String.class).single();

        var found = processing.seek("chuyenvien", scope("chuyenvien"), Filter.ALL, code.toLowerCase(), null, 50);
        assertThat(found.items()).extracting(QueueRow::dossierId).containsExactly(id);
        assertThat(found.total()).isEqualTo(1);
        assertThat(found.totalExact()).isTrue();
        assertThat(found.searchBounded()).isFalse();
        // The same code for an officer of another agency: nothing, though the look-up found the dossier.
        var elsewhere = new ProcessingQueries.Scope(List.of(new ProcessingQueries.Post("UBND-26737",
                vn.motcua.territory.PostRole.HANDLING, null)), List.of("UBND-26737"), List.of());
        assertThat(processing.seek("chuyenvien", elsewhere, Filter.ALL, code, null, 50).items()).isEmpty();
        // Its own agency's reception queue does not hold a handling step either.
        assertThat(processing.seek("tiepnhan", scope("tiepnhan"), Filter.ALL, code, null, 50).items()).isEmpty();

        Http officer = new Http(port);
        officer.login("chuyenvien", "demo");
        assertThat(officer.get("/workbench/processing?q=" + code).body()).contains("id=\"row-" + id + "\"");
        String other = "cv" + tag;
        officers.withoutPost(other, "Ngô Văn Khánh");
        Http stranger = new Http(port);
        stranger.login(other, "demo");
        assertThat(stranger.get("/workbench/processing?q=" + code).body()).doesNotContain(id.toString());
        // The dossier page refuses them as it did before this change (403, ProcessingAccess), without its data.
        var page = stranger.get("/workbench/processing/" + id);
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Trần Văn " + tag);
    }

    @Test
    void the_refused_tab_shows_the_last_ninety_days_unless_older_ones_are_asked_for() {
        Instant now = Instant.now();
        List<UUID> refused = dossiers(2, DossierState.REFUSED, now.minus(Duration.ofDays(200)));
        jdbc.sql("update dossier set reception_due_at = ? where id = ?").params(Timestamp.from(now.minus(Duration.ofDays(10))), refused.get(0)).update();
        jdbc.sql("update dossier set reception_due_at = ? where id = ?").params(Timestamp.from(now.minus(Duration.ofDays(200))), refused.get(1)).update();

        Http h = new Http(port);
        h.login("tiepnhan", "demo");
        String recent = h.get("/workbench/reception?state=REFUSED&q=" + tag).body();
        assertThat(recent).contains(refused.get(0).toString()).doesNotContain(refused.get(1).toString())
                .contains("id=\"refused-window\"", "trong 90 ngày qua", "Xem cũ hơn");
        String older = h.get("/workbench/reception?state=REFUSED&older=true&q=" + tag).body();
        assertThat(older).contains(refused.get(0).toString(), refused.get(1).toString()).contains("id=\"refused-all\"")
                .doesNotContain("id=\"refused-window\"");
        // Other tabs have no window.
        assertThat(h.get("/workbench/reception?state=SUBMITTED").body()).doesNotContain("id=\"refused-window\"");
    }

    @Test
    void the_previous_page_gives_back_the_page_before_and_the_first_page_has_none() {
        List<UUID> tied = dossiers(6, DossierState.ACCEPTED, Instant.now().minus(Duration.ofDays(3)));
        tied.forEach(id -> openStep(id, "HANDLING", LONG_AGO));
        var scope = scope("chuyenvien");
        var p1 = processing.seek("chuyenvien", scope, Filter.ALL, null, null, 2);
        var p2 = processing.seek("chuyenvien", scope, Filter.ALL, null, p1.next(), 2);
        var p3 = processing.seek("chuyenvien", scope, Filter.ALL, null, p2.next(), 2);
        assertThat(p1.prev()).isNull();
        assertThat(p3.prev()).isNotNull();

        var back2 = processing.seek("chuyenvien", scope, Filter.ALL, null, null, p3.prev(), 2);
        assertThat(back2.items()).extracting(QueueRow::dossierId).containsExactlyElementsOf(
                p2.items().stream().map(QueueRow::dossierId).toList());
        assertThat(back2.next()).isEqualTo(p2.next());
        var back1 = processing.seek("chuyenvien", scope, Filter.ALL, null, null, back2.prev(), 2);
        assertThat(back1.items()).extracting(QueueRow::dossierId).containsExactlyElementsOf(
                p1.items().stream().map(QueueRow::dossierId).toList());
        assertThat(back1.prev()).isNull();
        // A text search has no previous link (its matches come from a scan bounded from the cursor on).
        var searched = processing.seek("chuyenvien", scope, Filter.ALL, tag, null, 2);
        assertThat(processing.seek("chuyenvien", scope, Filter.ALL, tag, searched.next(), 2).prev()).isNull();

        Http h = new Http(port);
        h.login("chuyenvien", "demo");
        String page = h.get("/workbench/processing?after=" + p1.next()).body();
        assertThat(page).contains("id=\"queue-prev\"", "id=\"queue-first\"", "before=");
        assertThat(h.get("/workbench/processing").body()).doesNotContain("id=\"queue-prev\"");
    }
}
