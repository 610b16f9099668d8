package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.internal.RefusedHistory;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Issue #24, session 11: the refused tab's "Xem cũ hơn" as keyset pages of the whole refused history, newest reception
 * due time first, and a search that reads at most {@link RefusedHistory#SCAN} refusals per page, going on from where
 * the page stopped.
 */
@IntegrationTest
class RefusedHistoryTest {

    static final Instant BASE = Instant.parse("2024-06-01T03:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    DossierBulk bulk;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RefusedHistory history;
    String tag;
    int made;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
        tag = "rfh" + ThreadLocalRandom.current().nextInt(100_000, 900_000);
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("delete from dossier where applicant_name like ?").param("%" + tag + "%").update();
    }

    /** n refusals of the agency, the i-th due i hours before {@code newest} (null: no reception due time). */
    List<UUID> refused(String agency, int n, String name, Instant newest) {
        List<DossierBulk.NewDossier> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new DossierBulk.NewDossier(UUID.randomUUID(), null, "1.001193", "Đăng ký khai sinh",
                    DossierState.REFUSED, name + " " + tag + " " + made++, "0912345678", null, "26740", "1 Lê Lợi", agency,
                    "Cơ quan thử", BASE.minus(Duration.ofDays(400)), null));
        }
        bulk.insert(rows);
        for (int i = 0; i < n; i++) {
            jdbc.sql("update dossier set reception_due_at = ? where id = ?")
                    .params(newest == null ? null : Timestamp.from(newest.minus(Duration.ofHours(i))), rows.get(i).id()).update();
        }
        return rows.stream().map(DossierBulk.NewDossier::id).toList();
    }

    List<UUID> ids(RefusedHistory.Page p) {
        return p.items().stream().map(Dossier::id).toList();
    }

    @Test
    void pages_go_back_through_the_history_newest_first_without_a_row_twice() {
        String a = "T-" + tag.toUpperCase();
        String b = "T2-" + tag.toUpperCase();
        List<UUID> first = refused(a, 5, "Trần Văn", BASE);
        List<UUID> second = refused(b, 3, "Trần Văn", BASE.minus(Duration.ofMinutes(30)));
        // Three of the first agency's due at the same instant: the id breaks the tie (descending).
        jdbc.sql("update dossier set reception_due_at = ? where id = any(?)")
                .params(Timestamp.from(BASE.minus(Duration.ofHours(10))), new UUID[] {first.get(2), first.get(3), first.get(4)})
                .update();
        UUID undated = refused(a, 1, "Trần Văn", null).get(0);

        List<UUID> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var p = history.older(List.of(a, b), null, after, 2);
            assertThat(p.items()).hasSizeLessThanOrEqualTo(2);
            assertThat(p.searchBounded()).isFalse();
            seen.addAll(ids(p));
            after = p.next();
            pages++;
        } while (after != null && pages < 10);

        List<UUID> tied = first.subList(2, 5).stream().sorted((x, y) -> y.toString().compareTo(x.toString())).toList();
        List<UUID> expected = new ArrayList<>(List.of(first.get(0), second.get(0), first.get(1), second.get(1), second.get(2)));
        expected.addAll(tied);
        expected.add(undated);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(5);
        // One agency alone: only its refusals.
        assertThat(ids(history.older(List.of(b), null, null, 20))).containsExactlyElementsOf(second);
        assertThat(history.older(List.of(), null, null, 20).items()).isEmpty();
    }

    @Test
    void a_search_reads_a_bounded_stretch_per_page_and_goes_on_from_where_it_stopped() {
        String a = "T-" + tag.toUpperCase();
        int n = RefusedHistory.SCAN + 10;
        List<UUID> all = refused(a, n, "Trần Văn", BASE);
        // Two matches by name without diacritics: the 6th newest, and one past the first page's stretch.
        for (int i : new int[] {5, RefusedHistory.SCAN + 4}) {
            jdbc.sql("update dossier set applicant_name = ? where id = ?").params("Võ Thị Khớp " + tag + " " + i, all.get(i)).update();
        }
        var p1 = history.older(List.of(a), "vo thi khop " + tag, null, 20);
        assertThat(ids(p1)).containsExactly(all.get(5));
        assertThat(p1.searchBounded()).isTrue();
        assertThat(p1.next()).isNotNull();
        var p2 = history.older(List.of(a), "vo thi khop " + tag, p1.next(), 20);
        assertThat(ids(p2)).containsExactly(all.get(RefusedHistory.SCAN + 4));
        assertThat(p2.searchBounded()).isFalse();
        assertThat(p2.next()).isNull();

        // Through the page: the bounded stretch is said, and "Cũ hơn" carries the cursor.
        Http h = new Http(port);
        h.login("tiepnhan", "demo");
        jdbc.sql("update dossier set agency_code = 'UBND-26740' where id = any(?)").param(all.toArray(UUID[]::new)).update();
        String page = h.get("/workbench/reception?state=REFUSED&older=true&q=vo+thi+khop+" + tag).body();
        assertThat(page).contains(all.get(5).toString()).doesNotContain(all.get(RefusedHistory.SCAN + 4).toString())
                .contains("id=\"refused-search-bounded\"", "id=\"refused-next\"", "after=");
    }
}
