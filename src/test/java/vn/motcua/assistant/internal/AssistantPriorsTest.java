package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import vn.motcua.territory.AgencyLevel;

/** The second round of ranking rules, without Spring: "mất", applicant types, popularity, a business named. */
class AssistantPriorsTest {

    private static String mat(String folded) {
        return String.join(" ", QueryReader.disambiguateMat(Arrays.asList(folded.split(" "))));
    }

    @Test
    void matAfterAKinshipWordIsADeath() {
        assertThat(mat("bo toi mat can lam gi")).isEqualTo("bo toi qua doi can lam gi");
        assertThat(mat("me mat roi")).isEqualTo("me qua doi roi");
        assertThat(mat("ong ngoai em mat hom qua")).isEqualTo("ong ngoai em qua doi hom qua");
        assertThat(mat("nguoi nha mat")).isEqualTo("nguoi nha qua doi");
    }

    @Test
    void matBeforeAThingOrAfterLamIsALoss() {
        assertThat(mat("con toi mat giay khai sinh")).isEqualTo("con toi mat giay khai sinh");
        assertThat(mat("bo toi mat can cuoc")).isEqualTo("bo toi mat can cuoc");
        assertThat(mat("me lam mat so do")).isEqualTo("me lam mat so do");
        assertThat(mat("mat ho chieu")).isEqualTo("mat ho chieu");
        // other senses are left alone
        assertThat(mat("bo toi mat viec")).isEqualTo("bo toi mat viec");
        assertThat(mat("lam ho chieu mat bao lau")).isEqualTo("lam ho chieu mat bao lau");
    }

    @Test
    void applicantTypesFromTheCatalogueOrTheName() {
        assertThat(ProcedureIndex.applicants("Công dân Việt Nam", "x")).isEqualTo(ProcedureIndex.Applicants.CITIZENS);
        assertThat(ProcedureIndex.applicants("Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp", "x"))
                .isEqualTo(ProcedureIndex.Applicants.ORGANISATIONS);
        assertThat(ProcedureIndex.applicants("Công dân Việt Nam, Doanh nghiệp", "x")).isEqualTo(ProcedureIndex.Applicants.BOTH);
        assertThat(ProcedureIndex.applicants(null, "Đăng ký đất đai lần đầu đối với tổ chức đang sử dụng đất"))
                .isEqualTo(ProcedureIndex.Applicants.ORGANISATIONS);
        assertThat(ProcedureIndex.applicants(null, "Đăng ký đất đai lần đầu đối với hộ gia đình, cá nhân"))
                .isEqualTo(ProcedureIndex.Applicants.CITIZENS);
        assertThat(ProcedureIndex.applicants(null, "Đăng ký thành lập hộ kinh doanh")).isEqualTo(ProcedureIndex.Applicants.UNKNOWN);
    }

    @Test
    void organisationOnlyProceduresRankLowerUnlessTheQuestionNamesABusiness() {
        assertThat(Ranker.namesBusiness(Set.of("cong", "ty"), Set.of("cong ty"))).isTrue();
        assertThat(Ranker.namesBusiness(Set.of("htx"), Set.of())).isTrue();
        assertThat(Ranker.namesBusiness(Set.of("so", "do"), Set.of("so do"))).isFalse();
    }

    @Test
    void popularityFromDossierCountsOrFromTheCatalogue() {
        assertThat(ProcedureIndex.popularityFromCounts(0, 1000)).isEqualTo(1.0);
        assertThat(ProcedureIndex.popularityFromCounts(1000, 1000)).isEqualTo(1.15, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ProcedureIndex.popularityFromCounts(10, 1000)).isBetween(1.04, 1.06);
        assertThat(ProcedureIndex.popularityFromCatalogue(true, EnumSet.of(AgencyLevel.COMMUNE, AgencyLevel.PROVINCE), 5))
                .isEqualTo(1.10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ProcedureIndex.popularityFromCatalogue(false, EnumSet.noneOf(AgencyLevel.class), 0)).isEqualTo(1.0);
    }

    @Test
    void functionWordsAreNotInTheKinList() {
        assertThat(List.of("can", "lam", "gi")).noneMatch(QueryReader.KIN::contains);
    }

    @Test
    void theCataloguesAbbreviationsAreIndexedAsTheirWords() {
        assertThat(CatalogueAbbreviations.expand("Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT"))
                .isEqualTo("Cấp lại, đổi, điều chỉnh thông tin trên sổ bảo hiểm xã hội, thẻ bảo hiểm y tế");
        // only a word of its own, in capitals: not inside another word, not the citizen's lower case
        assertThat(CatalogueAbbreviations.expand("Mã BHXHVN, bhyt")).isEqualTo("Mã BHXHVN, bhyt");
        ProcedureIndex idx = ProcedureIndex.build(List.of(version("1.002759",
                "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT", "Cấp sổ BHXH, thẻ BHYT", null, null)), java.util.Map.of());
        assertThat(idx.meta("1.002759").nameBigrams()).contains("so bao", "xa hoi", "the bao", "y te");
        assertThat(idx.meta("1.002759").name()).endsWith("thẻ BHYT");
    }

    /** A published version with only what the index reads. */
    static vn.motcua.catalogue.ProcedureVersion version(String code, String name, String field, String applicants,
                                                        String performers) {
        return new vn.motcua.catalogue.ProcedureVersion(code, name, field, List.of(), java.util.UUID.randomUUID(), 1,
                vn.motcua.catalogue.ProcedureVersion.Status.PUBLISHED, java.time.LocalDate.of(2025, 7, 1), null, null, null,
                List.of(), List.of(), null, List.of(), List.of(), null,
                new vn.motcua.catalogue.Performer(null, null, null, performers), applicants, null, null, null, false, List.of());
    }
}
