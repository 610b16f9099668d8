package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.reporting.internal.IndicatorCatchUp;
import vn.motcua.support.ApiTest;
import vn.motcua.support.Http;

/**
 * What an indicator API test starts from (annotate the subclass {@code @IntegrationTest}): {@link ApiTest}'s, and the
 * test's {@link IndicatorFixtures} (tagged {@link #tag()}) removed before and after each test; the indicators asked
 * for through the public API. The subclass's own {@code @AfterEach} runs before the fixtures are removed.
 */
abstract class IndicatorTest extends ApiTest {

    @Autowired
    protected IndicatorCatchUp catchUp;
    @Autowired
    protected DossierBulk bulk;

    /** The tag of the test's fixtures (in their applicants' names). */
    abstract String tag();

    @BeforeEach
    void removeEarlierFixtures() {
        IndicatorFixtures.delete(jdbc, catchUp, tag());
    }

    @AfterEach
    void removeFixtures() {
        IndicatorFixtures.delete(jdbc, catchUp, tag());
    }

    /** {@code GET /api/v1/indicators?query}, which must answer 200. */
    JsonNode get(String query) {
        Http.Response r = http.get("/api/v1/indicators?" + query);
        assertThat(r.status()).as(query + " → " + r.body()).isEqualTo(200);
        return r.json();
    }

    /** A new fixture tagged {@link #tag()}. */
    IndicatorFixtures fixtures() {
        return new IndicatorFixtures(bulk, jdbc, catchUp, tag());
    }
}
