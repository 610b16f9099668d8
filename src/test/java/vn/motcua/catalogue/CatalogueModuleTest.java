package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.ModuleSlice;
import vn.motcua.territory.Agency;
import vn.motcua.territory.TerritoryReferenceData;

/**
 * The catalogue module with its dependencies only (territory, platform): the shipped catalogue loads, and
 * {@link Catalogue} finds procedures with or without diacritics and names the agency competent at a place and date.
 * Territory is named explicitly: the catalogue reaches it through an {@code ObjectProvider<Territory>}, which Spring
 * Modulith does not count as a dependency to bootstrap.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "territory")
@ActiveProfiles("test")
class CatalogueModuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Autowired
    ApplicationContext context;
    @Autowired
    TerritoryReferenceData territory;
    @Autowired
    CatalogueReferenceData reference;
    @Autowired
    Catalogue catalogue;

    @BeforeEach
    void load() {
        territory.ensureLoaded();
        reference.ensureLoaded();
    }

    @Test
    void onlyCatalogueAndItsDependenciesAreBooted() {
        assertThat(ModuleSlice.modulesIn(context)).containsExactlyInAnyOrder("catalogue", "platform", "territory");
    }

    @Test
    void searchFindsAProcedureWithOrWithoutDiacritics() {
        assertThat(catalogue.search("dang ky khai sinh", 5)).first().extracting(ProcedureSummary::code).isEqualTo("1.001193");
        assertThat(catalogue.search("ĐĂNG KÝ KHAI SINH", 5)).first().extracting(ProcedureSummary::code).isEqualTo("1.001193");
        assertThat(catalogue.versionInForce("1.001193", TODAY)).isPresent();
        assertThat(catalogue.versionInForce("9.999999", TODAY)).isEmpty();
    }

    @Test
    void theCompetentAgencyFollowsThePerformerAndThePlace() {
        // Birth registration is done by the commune: Phường Sài Gòn's UBND since 1 July 2025.
        assertThat(catalogue.competentAgencies("1.001193", "26740", TODAY)).extracting(Agency::code).containsExactly("UBND-26740");
        // A unit that does not exist on that date has no competent agency.
        assertThat(catalogue.competentAgencies("1.001193", "00000", TODAY)).isEmpty();
        assertThat(catalogue.allInForce(TODAY)).hasSizeGreaterThan(1000)
                .allSatisfy(v -> assertThat(v.code()).isNotBlank());
    }
}
