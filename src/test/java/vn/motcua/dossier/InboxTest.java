package vn.motcua.dossier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.support.ApiTest;
import vn.motcua.support.TaggedDossiers;
import vn.motcua.support.TestOfficers;

/**
 * What the officers' inbox tests start from (annotate the subclass {@code @IntegrationTest}): {@link ApiTest}'s, the
 * inbox's queries, dossiers tagged {@link #tag} ({@link TaggedDossiers}, prefix {@link #tagPrefix()}) and, when a test
 * appoints one, an officer of its own ({@link #appointed}) — both removed after each test, after the subclass's own
 * {@code @AfterEach}.
 */
abstract class InboxTest extends ApiTest {

    @Autowired
    protected DossierBulk bulk;
    @Autowired
    protected ProcessingQueries processing;
    @Autowired
    protected TestOfficers officers;
    protected TaggedDossiers tagged;
    protected String tag;
    /** Set by a test that appoints an officer of its own ({@link TestOfficers#appointedToday}). */
    protected TestOfficers.Appointed appointed;

    /** The first letters of the tag, the test's own. */
    abstract String tagPrefix();

    @BeforeEach
    void tagTheDossiers() {
        tagged = new TaggedDossiers(jdbc, bulk, tagPrefix());
        tag = tagged.tag;
    }

    @AfterEach
    void removeTheTestsDossiersAndOfficer() {
        tagged.removeAll();
        if (appointed != null) {
            officers.remove(appointed);
        }
    }
}
