package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.platform.api.ApiException;
import vn.motcua.support.IntegrationTest;

/** The staff write API on a unit of its own (unique code, far-future dates): posts, appointments, ends; idempotent. */
@IntegrationTest
class StaffChangesTest {

    @Autowired
    StaffChanges staff;
    @Autowired
    Staff directory;
    @Autowired
    TerritoryChanges changes;
    @Autowired
    TerritoryAgencies agencies;
    @Autowired
    JdbcClient jdbc;

    final String unit = "T" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    final LocalDate d1 = LocalDate.of(2033, 1, 1);
    final LocalDate d2 = LocalDate.of(2033, 6, 1);
    final LocalDate d3 = LocalDate.of(2034, 1, 1);

    private UUID officer(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into territory_officer (id, code, full_name) values (?, ?, ?)")
                .params(id, "CB-" + id.toString().substring(0, 8), name).update();
        staff.refresh();   // written in SQL: territory has no API for officers
        return id;
    }

    private long holdings(UUID officer) {
        return jdbc.sql("select count(*) from territory_post_holding where officer_id = ?").param(officer).query(Long.class).single();
    }

    /** Opens this test's own ward (from d1) with its agencies; returns the people's committee's code. */
    private String openTestWard() {
        changes.apply(UnitChanges.builder().open(unit, "Thử", "Phường Thử " + unit, UnitType.WARD, null).build(), d1, "Thử");
        agencies.deriveAgencies(List.of(unit), d1);
        return "UBND-" + unit;
    }

    @Test
    void postsAndHoldingsOpenAndEndIdempotently() {
        String agency = openTestWard();
        String code = agency + "-HT";

        Post post = staff.openPost(agency, code, "Công chức Tư pháp – Hộ tịch", PostRole.HANDLING, "HO_TICH", d1);
        assertThat(post.agencyCode()).isEqualTo(agency);
        assertThat(post.validFrom()).isEqualTo(d1);
        assertThat(staff.openPost(agency, code, "Công chức Tư pháp – Hộ tịch", PostRole.HANDLING, "HO_TICH", d1))
                .isEqualTo(post);                                                        // idempotent
        assertThat(staff.post(code, d2)).contains(post);
        assertThat(staff.post(code, d1.minusDays(1))).isEmpty();

        UUID lan = officer("Nguyễn Thị Lan");
        PostHolding h = staff.appoint(lan, code, d1);
        assertThat(h.postCode()).isEqualTo(code);
        assertThat(h.officerName()).isEqualTo("Nguyễn Thị Lan");
        assertThat(staff.appoint(lan, code, d1)).isEqualTo(h);                           // idempotent
        assertThat(staff.appoint(lan, code, d2).validFrom()).isEqualTo(d1);              // already holds it then
        assertThat(holdings(lan)).isEqualTo(1);
        assertThat(directory.postsOfOfficer(lan, d2)).extracting(PostHolding::postCode).containsExactly(code);
        assertThat(directory.holders(agency, PostRole.HANDLING, d2)).extracting(PostHolding::officerId).contains(lan);

        assertThat(staff.endHolding(lan, code, d2)).isTrue();
        assertThat(staff.endHolding(lan, code, d2)).isFalse();                           // idempotent
        assertThat(directory.postsOfOfficer(lan, d2.minusDays(1))).hasSize(1);
        assertThat(directory.postsOfOfficer(lan, d2)).isEmpty();

        // Closing the agency's posts ends what still runs, once.
        UUID minh = officer("Trần Văn Minh");
        staff.appoint(minh, code, d2);
        assertThat(staff.closePostsOf(List.of(agency), d3)).isEqualTo(1);
        assertThat(staff.closePostsOf(List.of(agency), d3)).isZero();
        assertThat(staff.post(code, d3)).isEmpty();
        assertThat(directory.postsOfOfficer(minh, d3.minusDays(1))).hasSize(1);
        assertThat(directory.postsOfOfficer(minh, d3)).isEmpty();
        assertThat(holdings(lan)).isEqualTo(1);

        changes.apply(UnitChanges.builder().close(unit).build(), LocalDate.of(2035, 1, 1), "Kết thúc thử nghiệm");
    }

    @Test
    void unknownAgencyPostOrOfficerIs422AndChangesNothing() {
        UUID lan = officer("Lê Thị Lan");
        assertThat(status(() -> staff.openPost("UBND-KHONGCO", "UBND-KHONGCO-HT", "x", PostRole.HANDLING, null, d1)))
                .isEqualTo(422);
        assertThat(status(() -> staff.appoint(lan, "KHONG-CO-VI-TRI", d1))).isEqualTo(422);
        assertThat(status(() -> staff.appoint(UUID.randomUUID(), "KHONG-CO-VI-TRI", d1))).isEqualTo(422);
        assertThat(status(() -> staff.endHolding(lan, "KHONG-CO-VI-TRI", d1))).isEqualTo(422);
        assertThat(status(() -> staff.openPost("UBND-X", "", "x", PostRole.HANDLING, null, d1))).isEqualTo(400);
        assertThat(holdings(lan)).isZero();
    }

    private static int status(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e.status().value();
        }
        throw new AssertionError("no ApiException");
    }
}
