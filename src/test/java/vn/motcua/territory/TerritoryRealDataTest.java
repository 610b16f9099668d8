package vn.motcua.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.IntegrationTest;

/** Acceptance tests of the territory module on the real 2025 data. */
@IntegrationTest
class TerritoryRealDataTest {

    static final LocalDate BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate AFTER = LocalDate.of(2025, 7, 1);

    @Autowired
    TerritoryReferenceData data;
    @Autowired
    Territory territory;
    @Autowired
    TerritoryHistory history;
    @Autowired
    AddressLookup lookup;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void load() {
        data.ensureLoaded();
    }

    @Test
    void hcmcHas22DistrictsAnd273CommunesBeforeAnd168UnitsWithoutDistrictsAfter() {
        List<AdministrativeUnit> districts = territory.children("79", BEFORE);
        assertThat(districts).hasSize(22).allMatch(d -> d.type() == UnitType.DISTRICT);
        int communes = districts.stream().mapToInt(d -> territory.children(d.code(), BEFORE).size()).sum();
        assertThat(communes).isEqualTo(273);

        List<AdministrativeUnit> after = territory.children("79", AFTER);
        assertThat(after).hasSize(168).allMatch(u -> u.type().isCommuneLevel()).allMatch(u -> "79".equals(u.parentCode()));
        assertThat(territory.unit("79", AFTER)).hasValueSatisfying(u -> assertThat(u.type()).isEqualTo(UnitType.MUNICIPALITY));
        assertThat(territory.unit("760", AFTER)).isEmpty();
        assertThat(territory.unit("760", BEFORE)).hasValueSatisfying(u -> assertThat(u.fullName()).isEqualTo("Quận 1"));
    }

    @Test
    void nationalCountsMatchTheSources() {
        long provincesBefore = jdbc.sql("select count(*) from territory_unit where type in ('PROVINCE','MUNICIPALITY') and valid_from <= '2025-06-30' and valid_to = '2025-07-01'").query(Long.class).single();
        long districtsBefore = jdbc.sql("select count(*) from territory_unit where type = 'DISTRICT' and valid_to = '2025-07-01'").query(Long.class).single();
        long communesBefore = jdbc.sql("select count(*) from territory_unit where type in ('WARD','COMMUNE','TOWNSHIP') and valid_to = '2025-07-01'").query(Long.class).single();
        long provincesAfter = jdbc.sql("select count(*) from territory_unit where type in ('PROVINCE','MUNICIPALITY') and valid_from = '2025-07-01'").query(Long.class).single();
        long communesAfter = jdbc.sql("select count(*) from territory_unit where type in ('WARD','COMMUNE','SPECIAL_ZONE') and valid_from = '2025-07-01'").query(Long.class).single();
        assertThat(List.of(provincesBefore, districtsBefore, communesBefore, provincesAfter, communesAfter))
                .containsExactly(63L, 696L, 10_035L, 34L, 3_321L);
    }

    @Test
    void code26737WasDaKaoAndIsNowTanDinh() {
        assertThat(territory.unit("26737", BEFORE)).hasValueSatisfying(u -> {
            assertThat(u.fullName()).isEqualTo("Phường Đa Kao");
            assertThat(u.parentCode()).isEqualTo("760");
            assertThat(u.validTo()).isEqualTo(AFTER);
        });
        assertThat(territory.unit("26737", AFTER)).hasValueSatisfying(u -> {
            assertThat(u.fullName()).isEqualTo("Phường Tân Định");
            assertThat(u.parentCode()).isEqualTo("79");
            assertThat(u.validFrom()).isEqualTo(AFTER);
        });
        // Đa Kao was split between Tân Định and Sài Gòn.
        assertThat(territory.successors("26737", BEFORE)).extracting(s -> s.unit().fullName(), Successor::share)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Phường Tân Định", Share.PARTIAL),
                        org.assertj.core.groups.Tuple.tuple("Phường Sài Gòn", Share.PARTIAL));
        assertThat(history.predecessors("26740", AFTER)).extracting(p -> p.unit().fullName())
                .contains("Phường Bến Nghé", "Phường Đa Kao", "Phường Nguyễn Thái Bình");
    }

    @Test
    void everyOldHcmcBinhDuongAndBaRiaVungTauCommuneHasASuccessorInTheNewCity() {
        for (String province : List.of("79", "74", "77")) {
            for (AdministrativeUnit district : territory.children(province, BEFORE)) {
                List<AdministrativeUnit> communes = territory.children(district.code(), BEFORE);
                List<AdministrativeUnit> olds = communes.isEmpty() ? List.of(district) : communes; // Côn Đảo
                for (AdministrativeUnit old : olds) {
                    List<Successor> successors = territory.successors(old.code(), BEFORE);
                    assertThat(successors).as(old.fullName() + " " + old.code()).isNotEmpty()
                            .allSatisfy(s -> assertThat(territory.province(s.unit().code(), AFTER))
                                    .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("79")));
                }
            }
        }
    }

    @Test
    void splitOldCommunesAreReportedAsAmbiguousByTheAddressLookup() {
        List<AdministrativeUnit> split = jdbc.sql("""
                        select distinct u.code from territory_lineage l join territory_unit u on u.id = l.predecessor_id
                        join territory_unit d on d.id = u.parent_id join territory_unit p on p.id = d.parent_id
                        where p.code in ('79', '74') and l.share = 'PARTIAL'
                        """).query(String.class).list().stream()
                .map(code -> territory.unit(code, BEFORE).orElseThrow()).toList();
        // 31 old HCMC communes and 16 old Bình Dương communes are split (data README).
        assertThat(split).hasSize(47);
        for (AdministrativeUnit old : split) {
            AddressLookup.AddressResolution byCode = lookup.resolve(old.code(), null, null, BEFORE, AFTER);
            assertThat(byCode.outcome()).as(old.fullName()).isEqualTo(AddressLookup.Outcome.SPLIT);
            assertThat(byCode.ambiguous()).isTrue();
            assertThat(byCode.candidates()).hasSizeGreaterThan(1);
        }
        var daKao = lookup.resolve("phuong da kao", "quan 1", "TP.HCM", BEFORE, AFTER);
        assertThat(daKao.outcome()).isEqualTo(AddressLookup.Outcome.SPLIT);
        assertThat(daKao.candidates()).extracting(c -> c.unit().code()).containsExactlyInAnyOrder("26737", "26740");
    }

    @Test
    void addressLookupToleratesSpellingAndAsksForTheDistrictWhenNamesRepeat() {
        var benNghe = lookup.resolve("Ben Nghe", null, "Hồ Chí Minh", BEFORE, AFTER);
        assertThat(benNghe.outcome()).isEqualTo(AddressLookup.Outcome.RESOLVED);
        assertThat(benNghe.candidates()).singleElement().satisfies(c -> assertThat(c.unit().code()).isEqualTo("26740"));

        var phuong1 = lookup.resolve("Phường 1", null, "79", BEFORE, AFTER);
        assertThat(phuong1.outcome()).isEqualTo(AddressLookup.Outcome.AMBIGUOUS_NAME);
        assertThat(phuong1.matches()).hasSizeGreaterThan(5);

        var tanDinh = lookup.resolve("Tân Định", null, null, BEFORE, AFTER);
        assertThat(tanDinh.outcome()).isEqualTo(AddressLookup.Outcome.AMBIGUOUS_NAME);
        assertThat(tanDinh.candidates()).extracting(c -> c.unit().code()).contains("26737", "25849");
        var tanDinhQ1 = lookup.resolve("P. Tân Định", "Q1", null, BEFORE, AFTER);
        assertThat(tanDinhQ1.outcome()).isEqualTo(AddressLookup.Outcome.RESOLVED);

        assertThat(lookup.resolve("Không có phường này", null, null, BEFORE, AFTER).outcome())
                .isEqualTo(AddressLookup.Outcome.NOT_FOUND);
    }

    @Test
    void agenciesAreCompetentAsOfTheDate() {
        assertThat(territory.competentAgencies("26740", AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, AFTER))
                .singleElement().satisfies(a -> {
                    assertThat(a.code()).isEqualTo("UBND-26740");
                    assertThat(a.name()).isEqualTo("Ủy ban nhân dân Phường Sài Gòn");
                });
        assertThat(territory.competentAgencies("26740", AgencyLevel.COMMUNE, AgencyKind.PEOPLES_COMMITTEE, null, BEFORE))
                .singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("Ủy ban nhân dân Phường Bến Nghé"));
        assertThat(territory.competentAgencies("26740", AgencyLevel.PROVINCE, AgencyKind.DEPARTMENT, "TU_PHAP", AFTER))
                .singleElement().satisfies(a -> assertThat(a.code()).isEqualTo("STP-79"));
        assertThat(territory.competentAgencies("26740", AgencyLevel.DISTRICT, AgencyKind.PEOPLES_COMMITTEE, null, BEFORE))
                .singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("Ủy ban nhân dân Quận 1"));
        assertThat(territory.agencies("26740", AFTER)).extracting(Agency::code)
                .containsExactlyInAnyOrder("UBND-26740", "CA-26740", "TTPV-26740");
        assertThat(territory.agency("CA-79", AFTER)).hasValueSatisfying(a -> assertThat(a.level()).isEqualTo(AgencyLevel.PROVINCE));
        // Nationwide: three agencies per current commune-level unit, four per current province. Only the real units
        // (numeric GSO codes): tests sharing the database derive agencies for synthetic units (codes with letters).
        long current = jdbc.sql("select count(*) from territory_agency a join territory_unit u on u.id = a.unit_id "
                + "where a.valid_to is null and u.code ~ '^[0-9]+$'").query(Long.class).single();
        assertThat(current).isEqualTo(3L * 3321 + 4L * 34);
    }
}
