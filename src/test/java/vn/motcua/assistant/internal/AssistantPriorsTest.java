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
    void losingAnyThingReadsAsTheLexiconsLossWithItsReissueWords() {
        Set<String> phrases = QueryReader.lossPhrases(QueryReader.readLexicon(), VietnameseAnalysis.folding());
        assertThat(phrases).contains("mat so do", "mat ho chieu");
        java.util.function.Function<String, String> read = q -> String.join(" ",
                QueryReader.lossReading(Arrays.asList(q.split(" ")), phrases));
        assertThat(read.apply("mat bang lai xin cap lai")).isEqualTo("bi mat bang lai xin cap lai");
        assertThat(read.apply("con toi mat ca vet")).isEqualTo("con toi bi mat ca vet");
        // already the lexicon's phrase ("bị mất", "làm mất"), or a loss the lexicon reads itself
        assertThat(read.apply("bang lai bi mat")).isEqualTo("bang lai bi mat");
        assertThat(read.apply("lam mat giay")).isEqualTo("lam mat giay");
        assertThat(read.apply("mat so do lam lai")).isEqualTo("mat so do lam lai");
        // not a thing one loses
        assertThat(read.apply("lam ho chieu mat bao lau")).isEqualTo("lam ho chieu mat bao lau");
        // and the graph then carries the re-issue words
        var query = VietnameseAnalysis.query(VietnameseAnalysis.lexicon(new java.io.StringReader(QueryReader.readLexicon())));
        assertThat(VietnameseAnalysis.graph(query, read.apply("mat bang lai")).bigrams()).contains("cap lai", "giay phep");
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

    @Test
    void ownStaffProceduresOfThePoliceRankLowerUnlessTheQuestionNamesThePolice() {
        assertThat(ProcedureIndex.ownStaff("Chính sách", "Bộ Công an, Bảo hiểm xã hội tỉnh, Cục Chính sách, Công an cấp Tỉnh"))
                .isTrue();
        assertThat(ProcedureIndex.ownStaff("Tổ chức, cán bộ", "Bộ Quốc phòng")).isTrue();
        // the police's services to citizens, and another agency's policy field, are not
        assertThat(ProcedureIndex.ownStaff("Đăng ký, quản lý cư trú", "Công an cấp Xã")).isFalse();
        assertThat(ProcedureIndex.ownStaff("Chính sách", "Ủy ban nhân dân cấp xã")).isFalse();
        assertThat(ProcedureIndex.ownStaff("Chính sách", null)).isFalse();
        ProcedureIndex idx = ProcedureIndex.build(List.of(
                version("1.001294", "Cấp lại thẻ bảo hiểm y tế (thực hiện tại cấp tỉnh)", "Chính sách",
                        "Công dân Việt Nam, Cán bộ, công chức, viên chức", "Bộ Công an, Cục Chính sách, Công an cấp Tỉnh"),
                version("1.002759", "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT", "Cấp sổ BHXH, thẻ BHYT",
                        null, "Bảo hiểm xã hội tỉnh")), java.util.Map.of());
        assertThat(Ranker.sectorPrior(idx.meta("1.001294"), Set.of("cap lai", "the bao"))).isEqualTo(Ranker.OWN_STAFF);
        assertThat(Ranker.sectorPrior(idx.meta("1.001294"), Set.of("the bao", "cong an"))).isEqualTo(1.0);
        assertThat(Ranker.sectorPrior(idx.meta("1.002759"), Set.of("cap lai", "the bao"))).isEqualTo(1.0);
    }

    @Test
    void aNameListingTheActAskedForCoversItsOtherActs() {
        ProcedureIndex idx = ProcedureIndex.build(List.of(
                version("1.002759", "Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT", null, null, null),
                version("9.000001", "Cấp lại giấy khai sinh có yếu tố nước ngoài, điều chỉnh", null, null, null)),
                java.util.Map.of());
        RankingWeights w = RankingWeights.DEFAULT;
        // "cấp lại" asked: the listed "điều chỉnh" is one of its cases
        assertThat(Ranker.markedness(idx.meta("1.002759"), Set.of("cap", "lai"), Set.of("cap lai"), w)).isEqualTo(1.0);
        // not asked: the re-issue and the change are markers the question lacks
        assertThat(Ranker.markedness(idx.meta("1.002759"), Set.of("the"), Set.of("the bao"), w))
                .isCloseTo(w.marker() * w.marker(), org.assertj.core.data.Offset.offset(1e-9));
        // a case marker (foreign element) still counts when an act is asked
        assertThat(Ranker.markedness(idx.meta("9.000001"), Set.of("cap", "lai"), Set.of("cap lai"), w))
                .isCloseTo(w.marker(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aQuestionMostlyAboutWordsNoProcedureUsesIsNoMatch() {
        ProcedureIndex idx = ProcedureIndex.build(List.of(version("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", null,
                null)), java.util.Map.of());
        QueryReader reader = new QueryReader();
        assertThat(reader.read("dang ky khai sinh", idx).unfamiliar()).isZero();
        assertThat(reader.read("karaoke hello", idx).unfamiliar()).isEqualTo(1.0);
        assertThat(reader.read("khai sinh karaoke", idx).unfamiliar()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        // an abbreviation is no topic word; the lexicon's words are known
        assertThat(reader.read("khai sinh xd", idx).unfamiliar()).isZero();
        assertThat(reader.read("khai sinh so do", idx).unfamiliar()).isZero();
        QueryReader.Reading karaoke = reader.read("karaoke khai sinh", idx);
        ProcedureIndex.Meta m = idx.meta("1.001193");
        assertThat(Evidence.unfamiliar(karaoke, new Ranker.Candidate(m, 20, 1, 0, 2, 1))).isTrue();
        // a best answer sharing two word pairs of its name is an answer whatever else the question says
        assertThat(Evidence.unfamiliar(karaoke, new Ranker.Candidate(m, 20, 2, 0, 2, 1))).isFalse();
        assertThat(Evidence.unfamiliar(reader.read("dang ky khai sinh", idx), new Ranker.Candidate(m, 20, 1, 0, 2, 1))).isFalse();
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
