package vn.motcua.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierState;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.Predecessor;
import vn.motcua.territory.Share;
import vn.motcua.territory.TerritoryHistory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comparable across the 1 July 2025 reorganisation: Phường Sài Gòn (26740) was formed from Bến Nghé (old 26740, whose
 * agency code UBND-26740 it reuses) and parts of neighbouring wards. Its own series starts on 1 July 2025; with
 * lineage=true the predecessors' dossiers (held by their agencies before that day) are included, and at province level
 * the old provinces' too. Counted as differences against the figures before the fixture (other tests share the
 * database).
 */
@IntegrationTest
class IndicatorLineageTest extends IndicatorTest {

    static final String TAG = "IND2";
    static final String PERIOD = "&from=2025-05-01&to=2025-08-31";

    @Autowired
    TerritoryHistory history;

    @Override
    String tag() {
        return TAG;
    }

    long dossiers(String query) {
        return get(query).get("dossiers").asLong();
    }

    @Test
    void aMergedWardsSeriesContinuesFromItsPredecessors() {
        List<Predecessor> predecessors = history.predecessors("26740", LocalDate.of(2025, 7, 1));
        assertThat(predecessors).isNotEmpty();
        assertThat(predecessors).anyMatch(p -> p.unit().code().equals("26740")); // Bến Nghé, the code reused

        String unit = "level=unit&code=26740" + PERIOD;
        String province = "level=province&code=79" + PERIOD;
        long ownBefore = dossiers(unit);
        long lineageBefore = dossiers(unit + "&lineage=true");
        long provinceBefore = dossiers(province);
        long provinceLineageBefore = dossiers(province + "&lineage=true");

        IndicatorFixtures f = fixtures();
        // Before the merge: one on-time dossier in each predecessor's People's Committee (old agency codes).
        List<String> oldAgencies = new ArrayList<>();
        for (Predecessor p : predecessors) {
            String agency = "UBND-" + p.unit().code();
            oldAgencies.add(agency);
            var id = f.dossier(agency, "1.001193", DossierState.ACCEPTED, "2025-05-12T08:00", "2025-05-20T17:00");
            f.decided(id, "2025-05-15T10:00");
        }
        // After: one late dossier in the new ward's People's Committee.
        var late = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-08-04T08:00", "2025-08-06T17:00");
        f.decided(late, "2025-08-08T10:00");
        int n = predecessors.size();

        JsonNode own = get(unit);
        assertThat(own.get("dossiers").asLong() - ownBefore).as("the new ward alone: from 1 July 2025").isEqualTo(1);
        JsonNode withLineage = get(unit + "&lineage=true");
        assertThat(withLineage.get("dossiers").asLong() - lineageBefore).isEqualTo(n + 1);
        assertThat(withLineage.get("units")).hasSize(n + 1);
        assertThat(withLineage.get("agencies").toString()).contains(oldAgencies.get(0));
        List<String> partial = predecessors.stream().filter(p -> p.share() == Share.PARTIAL).map(p -> p.unit().code()).toList();
        if (!partial.isEmpty()) {
            assertThat(withLineage.get("partialPredecessorsIncludedWhole").toString()).contains(partial.get(0));
        }

        // Old units stay queryable as of their time: Bến Nghé (26740 before 1 July 2025) has only its own dossier.
        long benNgheBefore = 0;
        JsonNode benNghe = get("level=unit&code=26740&from=2025-05-01&to=2025-06-30");
        assertThat(benNghe.get("units").get(0).get("validTo").asString()).isEqualTo("2025-07-01");
        assertThat(benNghe.get("dossiers").asLong() - benNgheBefore).isGreaterThanOrEqualTo(1);

        // The province: new Hồ Chí Minh City from 1 July 2025; with lineage the old provinces (79, 74, 77) as well.
        assertThat(dossiers(province) - provinceBefore).isEqualTo(1);
        JsonNode provinceLineage = get(province + "&lineage=true");
        assertThat(provinceLineage.get("dossiers").asLong() - provinceLineageBefore).isEqualTo(n + 1);
        assertThat(provinceLineage.get("units").toString()).contains("\"74\"", "\"77\"");
    }

    @Test
    void onTimeRollsUpAcrossTheMerge() {
        List<Predecessor> predecessors = history.predecessors("26740", LocalDate.of(2025, 7, 1));
        IndicatorFixtures f = fixtures();
        String unit = "level=unit&code=26740&from=2025-05-01&to=2025-08-31";
        JsonNode before = get(unit + "&lineage=true").get("onTime");
        long num0 = before.get("numerator").asLong();
        long den0 = before.get("denominator").asLong();
        for (Predecessor p : predecessors) {
            var id = f.dossier("UBND-" + p.unit().code(), "1.001193", DossierState.ACCEPTED, "2025-05-12T08:00",
                    "2025-05-20T17:00");
            f.decided(id, "2025-05-15T10:00");
        }
        var late = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-08-04T08:00", "2025-08-06T17:00");
        f.decided(late, "2025-08-08T10:00");
        JsonNode after = get(unit + "&lineage=true").get("onTime");
        assertThat(after.get("numerator").asLong() - num0).isEqualTo(predecessors.size());
        assertThat(after.get("denominator").asLong() - den0).isEqualTo(predecessors.size() + 1);
        JsonNode own = get(unit).get("onTime");
        assertThat(own.get("denominator").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void thePublicPageShowsTheFiguresInATableAndNoPersonalData() {
        IndicatorFixtures f = fixtures();
        var id = f.dossier("UBND-26740", "1.001193", DossierState.ACCEPTED, "2025-08-04T08:00", "2025-08-06T17:00");
        f.decided(id, "2025-08-05T10:00");
        f.returned(id, "2025-08-05T15:00", "ONLINE");
        f.rated(id, 5, "2025-08-06T09:00");
        Http.Response page = http.get("/indicators?level=unit&code=26740&from=2025-05-01&to=2025-08-31&lineage=true",
                "Accept-Language", "vi");
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<table id=\"indicators\"", "<caption", "scope=\"row\"", "Giải quyết đúng hạn",
                "Hồ sơ nộp trực tuyến", "Mức độ hài lòng", "Kết quả giải quyết điện tử", "Phường Sài Gòn", "đơn vị cũ",
                "/api/v1/indicators?level=unit&amp;code=26740");
        // Aggregates only: no applicant name, phone, address or dossier code.
        assertThat(page.body()).doesNotContain(TAG + "-", "0900000000", "Đường Thử", "UBND-26740-" + TAG);

        Http.Response bad = http.get("/indicators?level=unit&code=26740&from=2025-09-01&to=2025-08-01", "Accept-Language", "vi");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("role=\"alert\"", "Kỳ không hợp lệ").doesNotContain("<table id=\"indicators\"");
        assertThat(http.get("/indicators?level=agency&code=UBND-26740", "Accept-Language", "vi").body())
                .contains("chỉ hiển thị cấp tỉnh hoặc cấp xã");
        assertThat(http.get("/indicators").status()).isEqualTo(200); // default: Hồ Chí Minh City, this year
    }

    @Test
    void aSplitWardCountsWholeForEachOfItsSuccessorsAndIsNamed() {
        // Old Phường Đa Kao (26737 before 1 July 2025) was split between the new Tân Định (26737) and Sài Gòn (26740).
        List<Predecessor> ofTanDinh = history.predecessors("26737", LocalDate.of(2025, 7, 1));
        List<Predecessor> ofSaiGon = history.predecessors("26740", LocalDate.of(2025, 7, 1));
        Predecessor daKao = ofTanDinh.stream().filter(p -> p.share() == Share.PARTIAL)
                .filter(p -> ofSaiGon.stream().anyMatch(q -> q.unit().id().equals(p.unit().id())))
                .findFirst().orElseThrow(() -> new AssertionError("no ward split between 26737 and 26740: " + ofTanDinh));
        String tanDinh = "level=unit&code=26737&lineage=true" + PERIOD;
        String saiGon = "level=unit&code=26740&lineage=true" + PERIOD;
        long tanDinhBefore = dossiers(tanDinh);
        long saiGonBefore = dossiers(saiGon);
        long tanDinhOwnBefore = dossiers("level=unit&code=26737" + PERIOD);
        IndicatorFixtures f = fixtures();
        f.dossier("UBND-" + daKao.unit().code(), "1.001193", DossierState.ACCEPTED, "2025-05-12T08:00", "2025-05-20T17:00");
        JsonNode t = get(tanDinh);
        JsonNode s = get(saiGon);
        assertThat(t.get("dossiers").asLong() - tanDinhBefore).isEqualTo(1);
        assertThat(s.get("dossiers").asLong() - saiGonBefore).isEqualTo(1);
        assertThat(t.get("partialPredecessorsIncludedWhole").toString()).contains(daKao.unit().code());
        assertThat(s.get("partialPredecessorsIncludedWhole").toString()).contains(daKao.unit().code());
        // Without lineage neither new ward counts it (it was held by the old agency before the new ones existed).
        assertThat(dossiers("level=unit&code=26737" + PERIOD)).isEqualTo(tanDinhOwnBefore);
    }
}
