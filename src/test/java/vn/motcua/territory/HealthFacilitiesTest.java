package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * Health facilities in the place picker (issue 17): the versioned data file is sound (ids unique, each facility in a
 * current ward of Ho Chi Minh City that descends from the ward it stood in before 2025), the places API offers them
 * by name without diacritics when asked, with the ward they stand in, and never when not asked.
 */
@IntegrationTest
class HealthFacilitiesTest {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    HealthFacilities facilities;
    @Autowired
    Territory territory;
    @Autowired
    TerritoryHistory history;

    @BeforeEach
    void setUp() {
        referenceData.ensureAll();
    }

    @Test
    void theDataFileIsVersionedAndEachFacilityStandsInACurrentWardOfTheCity() {
        assertThat(facilities.version()).matches("\\d{4}-\\d{2}-\\d{2}\\.\\d+");
        assertThat(facilities.all()).hasSizeGreaterThanOrEqualTo(10);
        Set<String> ids = new HashSet<>();
        for (HealthFacilities.Facility f : facilities.all()) {
            assertThat(ids.add(f.id())).as("unique id " + f.id()).isTrue();
            AdministrativeUnit ward = territory.unit(f.ward(), AFTER).orElseThrow(() -> new AssertionError(f + ": no ward"));
            assertThat(ward.type()).as(f.name()).isIn(UnitType.WARD, UnitType.COMMUNE);
            assertThat(territory.province(ward.code(), AFTER).map(AdministrativeUnit::fullName))
                    .as(f.name()).contains("Thành phố Hồ Chí Minh");
            AdministrativeUnit old = territory.unit(f.oldWard(), BEFORE).orElseThrow(() -> new AssertionError(f + ": no old ward"));
            assertThat(history.currentSuccessors(old, AFTER)).as(f.name() + ": the old ward went whole to the ward")
                    .extracting(AdministrativeUnit::code).containsExactly(f.ward());
            assertThat(f.address()).as(f.name()).contains(old.fullName() + ",");
        }
    }

    @Test
    void thePickerFindsAHospitalByNameWithoutDiacritics() {
        var r = new Http(port).get("/api/v1/places?q=tu%20du&level=COMMUNE&facilities=true&asOf=2026-03-01");
        assertThat(r.status()).isEqualTo(200);
        var first = r.json().get(0);
        assertThat(first.get("fullName").asString()).isEqualTo("Bệnh viện Từ Dũ");
        assertThat(first.get("type").asString()).isEqualTo("HEALTH_FACILITY");
        assertThat(first.get("code").asString()).isEqualTo("CSYT-HCM-TUDU");
        assertThat(first.get("ward").get("code").asString()).isEqualTo("26743");
        assertThat(first.get("ward").get("fullName").asString()).isEqualTo("Phường Bến Thành");
        assertThat(first.get("province").get("fullName").asString()).isEqualTo("Thành phố Hồ Chí Minh");
        assertThat(first.get("current").asBoolean()).isTrue();

        // An alias, and a short name.
        var alias = new Http(port).get("/api/v1/places?q=phu%20san%20hung%20vuong&facilities=true").json().get(0);
        assertThat(alias.get("fullName").asString()).isEqualTo("Bệnh viện Hùng Vương");
        assertThat(alias.get("ward").get("fullName").asString()).isEqualTo("Phường Chợ Lớn");

        // Not asked: units only, as before (the contract of GET /api/v1/places is unchanged).
        var units = new Http(port).get("/api/v1/places?q=tu%20du&level=COMMUNE");
        units.json().forEach(p -> assertThat(p.get("type").asString()).isNotEqualTo("HEALTH_FACILITY"));
        var unit = new Http(port).get("/api/v1/places?q=tan%20dinh&facilities=true").json().get(0);
        assertThat(unit.get("fullName").asString()).isEqualTo("Phường Tân Định");
        assertThat(unit.get("ward").isNull()).isTrue();
    }

    @Test
    void theBirthplaceFieldOffersFacilitiesAndOtherAddressFieldsDoNot() {
        Http citizen = new Http(port);
        citizen.login("congdan", "demo");
        String page = citizen.get("/my/dossiers/new?procedure=1.001193").body();
        String birthPlace = page.substring(page.indexOf("id=\"f-child-birthPlace\""));
        birthPlace = birthPlace.substring(0, birthPlace.indexOf('>'));
        assertThat(birthPlace).contains("data-facilities=\"true\"", "data-facility-field=\"f-child-birthPlaceDetail\"");
        assertThat(page).contains("id=\"f-child-birthPlaceDetail\"");
        String residence = page.substring(page.indexOf("id=\"f-mother-residence\""));
        residence = residence.substring(0, residence.indexOf('>'));
        assertThat(residence).contains("data-place-picker").doesNotContain("data-facilities");
    }
}
