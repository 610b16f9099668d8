package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.imports.TerritoryImporter;

@IntegrationTest
class TerritoryIdempotencyTest {

    @Autowired
    TerritoryImporter importer;
    @Autowired
    Staff staff;

    @Test
    void loadingEverythingTwiceLeavesIdenticalRowCounts() {
        importer.ensureLoaded();
        importer.ensureDemoLoaded();
        List<Long> first = importer.rowCounts();
        assertThat(first.get(0)).isGreaterThanOrEqualTo(10_794L + 3_355L);

        importer.forgetMarkers(); // run every step again, not just skip it
        importer.ensureLoaded();
        importer.ensureDemoLoaded();
        assertThat(importer.rowCounts()).isEqualTo(first);

        TerritoryImporter.ImportReport again = importer.importUnits();
        assertThat(again.snapshot()).isEqualTo(new TerritoryChanges.ChangeReport(0, 0, 0));
        assertThat(again.reorganisation()).isEqualTo(new TerritoryChanges.ChangeReport(0, 0, 0));
        assertThat(importer.rowCounts()).isEqualTo(first);
    }

    @Test
    void demoAccountsHoldPostsInPhuongSaiGonAndHeldThemInBenNgheBefore() {
        importer.ensureDemoLoaded();
        assertThat(staff.postsOf("tiepnhan", LocalDate.of(2025, 7, 1))).singleElement().satisfies(h -> {
            assertThat(h.agency().code()).isEqualTo("UBND-26740");
            assertThat(h.agency().name()).isEqualTo("Ủy ban nhân dân Phường Sài Gòn");
            assertThat(h.role()).isEqualTo(PostRole.RECEPTION);
        });
        assertThat(staff.postsOf("tiepnhan", LocalDate.of(2025, 6, 30))).singleElement()
                .satisfies(h -> assertThat(h.agency().name()).isEqualTo("Ủy ban nhân dân Phường Bến Nghé"));
        assertThat(staff.holders("UBND-26740", PostRole.HANDLING, LocalDate.of(2025, 8, 1))).singleElement()
                .satisfies(h -> {
                    assertThat(h.username()).isEqualTo("chuyenvien");
                    assertThat(h.field()).isEqualTo("HO_TICH");
                });
        assertThat(staff.postsOf("trakq", LocalDate.of(2025, 8, 1))).singleElement().satisfies(h -> {
            assertThat(h.agency().code()).isEqualTo("UBND-26740");
            assertThat(h.role()).isEqualTo(PostRole.RECEPTION);
            assertThat(h.postTitle()).isEqualTo("Công chức trả kết quả");
            assertThat(h.officerName()).isEqualTo("Đặng Thị Hoa");
        });
        assertThat(staff.postsOf("trakq", LocalDate.of(2025, 6, 30))).singleElement()
                .satisfies(h -> assertThat(h.agency().name()).isEqualTo("Ủy ban nhân dân Phường Bến Nghé"));
        assertThat(staff.holders("UBND-26740", PostRole.RECEPTION, LocalDate.of(2025, 8, 1)))
                .extracting(PostHolding::username).containsExactlyInAnyOrder("tiepnhan", "trakq");
        assertThat(staff.holders("UBND-26740", PostRole.LEADER, LocalDate.of(2025, 8, 1)))
                .extracting(PostHolding::officerName).containsExactly("Phạm Thị Dung");
        assertThat(staff.holders("STP-79", PostRole.RECEPTION, LocalDate.of(2025, 8, 1))).hasSize(1);
    }
}
