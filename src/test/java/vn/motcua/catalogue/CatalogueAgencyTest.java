package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.catalogue.internal.CatalogueService;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.Agency;
import vn.motcua.territory.TerritoryReferenceData;

/** Which agency performs a procedure, derived from real territory data (HCMC after 1 July 2025). */
@IntegrationTest
class CatalogueAgencyTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    @LocalServerPort
    int port;
    @Autowired
    CatalogueImporter importer;
    @Autowired
    TerritoryReferenceData territory;
    @Autowired
    CatalogueService catalogue;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() {
        territory.ensureLoaded();
        importer.importAll();
    }

    @Test
    void communeProceduresArePerformedByTheWardItselfProvinceOnesByTheDepartment() {
        // birth registration: the people's committee of Phường Tân Định (new 26737)
        assertThat(catalogue.competentAgencies("1.001193", "26737", DAY)).extracting(Agency::code).containsExactly("UBND-26737");
        // permanent residence: the ward police
        assertThat(catalogue.competentAgencies("1.004222", "26737", DAY)).extracting(Agency::code).containsExactly("CA-26737");
        // a province-level Justice procedure: Sở Tư pháp of TP. Hồ Chí Minh
        assertThat(catalogue.competentAgencies("2.000555", "26737", DAY)).extracting(Agency::code).containsExactly("STP-79");
        // a ministry-level procedure has no local agency
        assertThat(catalogue.versionInForce("2.000480", DAY).orElseThrow().performer().kind()).isNull();
        assertThat(catalogue.competentAgencies("2.000480", "26737", DAY)).isEmpty();
    }

    @Test
    void explicitOverridesWin() {
        jdbc.sql("delete from catalogue_agency_override where procedure_code = '1.000894' and unit_code = '26740'").update();
        // Asked once before the assignment: the answer kept for it must not outlive the assignment.
        assertThat(catalogue.competentAgencies("1.000894", "26740", DAY)).extracting(Agency::code).containsExactly("UBND-26740");
        catalogue.assignAgency("1.000894", "26740", "UBND-26737", LocalDate.of(2025, 7, 1));
        assertThat(catalogue.competentAgencies("1.000894", "26740", DAY)).extracting(Agency::code).containsExactly("UBND-26737");
        assertThat(catalogue.competentAgencies("1.000894", "26737", DAY)).extracting(Agency::code).containsExactly("UBND-26737");
    }

    @Test
    void apiGivesAgenciesForAnAddressAndTheReorganisationPageListsSuccessors() {
        Http http = new Http(port);
        var r = http.get("/api/v1/procedures/1.001193?unit=26737");
        assertThat(r.json().get("agencies").get(0).get("code").asString()).isEqualTo("UBND-26737");
        assertThat(r.json().get("agenciesAvailable").asBoolean()).isTrue();
        assertThat(http.get("/procedures/1.001193?unit=26737").body()).contains("UBND-26737");

        // old 26740 (Phường Bến Nghé, Q.1) → its successors' agencies from 1 July 2025
        var page = http.get("/procedures/reorganisations/2025-07-01?unit=26740");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Bến Nghé", "Phường Sài Gòn");
    }

    @Autowired
    EForms eforms;

    @Test
    void addressFieldsAreCheckedAgainstTheTerritory() {
        var known = eforms.validate("1.001193", LocalDate.now(), java.util.Map.of("child", java.util.Map.of("birthPlace", "26737")));
        assertThat(known).extracting(FieldError::field).doesNotContain("child.birthPlace");
        var unknown = eforms.validate("1.001193", LocalDate.now(), java.util.Map.of("child", java.util.Map.of("birthPlace", "99999")));
        assertThat(unknown).extracting(FieldError::field).contains("child.birthPlace");
    }
}
