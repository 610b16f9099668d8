package vn.motcua.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import vn.motcua.assistant.internal.VietnameseAnalysis;

/** Folding, syllable bigrams and the colloquial synonym graph on known pairs (no Spring, no database). */
class AssistantAnalysisTest {

    private final Analyzer folding = VietnameseAnalysis.folding();
    private final Analyzer query = VietnameseAnalysis.query(VietnameseAnalysis.lexicon(new StringReader(lexicon())));

    private static String lexicon() {
        try (var in = AssistantAnalysisTest.class.getResourceAsStream("/assistant/lexicon-vi.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void spansGroupALexiconRewriteAndItsAlternatives() {
        List<VietnameseAnalysis.Span> spans = VietnameseAnalysis.graph(query, "cap lai the bhyt bi mat").spans();
        List<List<List<String>>> readings = spans.stream().map(s -> s.alternatives().stream()
                .map(p -> p.stream().map(VietnameseAnalysis.Token::term).toList()).toList()).toList();
        // the citizen's own words one span each; "bhyt" one span with the law's words as its only reading (the index
        // reads the catalogue's "BHYT" the same way); "bị mất" one span whose two readings compete
        assertThat(readings).containsExactly(List.of(List.of("cap")), List.of(List.of("lai")), List.of(List.of("the")),
                List.of(List.of("bao", "hiem", "y", "te")),
                List.of(List.of("bi", "mat"), List.of("cap", "lai")));
        // a lone expansion is one span too ("sổ đỏ": seven syllables, one reading)
        assertThat(VietnameseAnalysis.graph(query, "so do").spans()).singleElement()
                .satisfies(s -> assertThat(s.alternatives()).singleElement().satisfies(p -> assertThat(p).hasSize(7)));
    }

    @Test
    void foldsVietnameseIncludingDStrokeAndDecomposedInput() {
        assertThat(VietnameseAnalysis.fold(folding, "Đăng ký KHAI TỬ")).containsExactly("dang", "ky", "khai", "tu");
        assertThat(VietnameseAnalysis.fold(folding, "Giấy chứng nhận quyền sử dụng đất"))
                .containsExactly("giay", "chung", "nhan", "quyen", "su", "dung", "dat");
        String decomposed = java.text.Normalizer.normalize("khai tử", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseAnalysis.fold(folding, decomposed)).containsExactly("khai", "tu");
        assertThat(VietnameseAnalysis.fold(folding, "ướt ỗ ự đ Đ")).containsExactly("uot", "o", "u", "d", "d");
    }

    @Test
    void bigramsStandInForWords() {
        List<String> pairs = VietnameseAnalysis.fold(VietnameseAnalysis.bigrams(), "Thủ tục đăng ký khai sinh");
        assertThat(pairs).containsExactly("thu tuc", "tuc dang", "dang ky", "ky khai", "khai sinh");
        // the query graph gives the same pairs without synonyms
        assertThat(VietnameseAnalysis.graph(query, "đăng ký khai sinh").bigrams()).contains("dang ky", "ky khai", "khai sinh");
    }

    @Test
    void colloquialWordsBecomeCatalogueWords() {
        assertThat(VietnameseAnalysis.graph(query, "bố tôi mất làm giấy báo tử").bigrams()).contains("khai tu");
        assertThat(VietnameseAnalysis.graph(query, "bao tu").bigrams()).contains("khai tu");
        assertThat(VietnameseAnalysis.graph(query, "sổ đỏ").bigrams()).contains("giay chung", "chung nhan", "quyen su", "su dung", "dung dat");
        assertThat(VietnameseAnalysis.graph(query, "lam cccd").bigrams()).contains("can cuoc");
        assertThat(VietnameseAnalysis.graph(query, "nhập hộ khẩu cho vợ").bigrams()).contains("thuong tru");
        assertThat(VietnameseAnalysis.graph(query, "hộ khẩu").unigrams()).contains("cu", "tru", "thuong");
        assertThat(VietnameseAnalysis.graph(query, "mất bằng lái").bigrams()).contains("giay phep", "phep lai", "lai xe");
        assertThat(VietnameseAnalysis.graph(query, "làm giấy khai sinh").bigrams()).contains("dang ky", "ky khai", "khai sinh");
        assertThat(VietnameseAnalysis.graph(query, "cà vẹt xe").bigrams()).contains("dang ky", "ky xe");
        assertThat(VietnameseAnalysis.graph(query, "photo công chứng").bigrams()).contains("chung thuc", "ban sao");
    }

    @Test
    void lexiconVersion2Words() {
        // a spouse "người Nhật" is the names' foreign element; a small child is "trẻ em" as well as "dưới 14 tuổi"
        assertThat(VietnameseAnalysis.graph(query, "chong nguoi nhat").bigrams()).contains("yeu to", "nuoc ngoai");
        assertThat(VietnameseAnalysis.graph(query, "cho be").bigrams()).contains("tre em", "duoi 14");
        // the elderly are not adults of 14 and over
        assertThat(VietnameseAnalysis.graph(query, "nguoi lon tuoi").bigrams()).contains("cao tuoi").doesNotContain("tu du");
        assertThat(VietnameseAnalysis.graph(query, "doi cmnd").bigrams()).contains("cap doi", "can cuoc");
        assertThat(VietnameseAnalysis.graph(query, "dang ky ho kinh doanh").bigrams()).contains("thanh lap", "kinh doanh");
        assertThat(VietnameseAnalysis.graph(query, "giay phep xay dung nha o").bigrams()).contains("rieng le");
    }

    @Test
    void lexiconVersion4ActWords() {
        // round 19: the older legal term for recording an event registered abroad, and the banks' word for a mortgage's release
        assertThat(VietnameseAnalysis.graph(query, "ghi chú ly hôn ở tòa nước ngoài").bigrams()).contains("ghi vao", "ho tich", "ghi chu");
        assertThat(VietnameseAnalysis.graph(query, "ngan hang da giai chap so do").bigrams()).contains("the chap");
        assertThat(VietnameseAnalysis.graph(query, "ngan hang da giai chap so do").unigrams()).contains("xoa");
    }

    @Test
    void lexiconVersion5EverydayActWords() {
        // round 22: a citizen's verb + object read as the act the catalogue's names use, the citizen's words kept
        assertThat(VietnameseAnalysis.graph(query, "muốn sửa giấy phép xây dựng").bigrams()).contains("dieu chinh", "giay phep");
        assertThat(VietnameseAnalysis.graph(query, "tra giay phep kinh doanh o dau").bigrams()).contains("cham dut", "ho kinh");
        assertThat(VietnameseAnalysis.graph(query, "the bhyt cu, doi the moi").bigrams()).contains("cap doi");
        assertThat(VietnameseAnalysis.graph(query, "xin thoi lam giam ho cho chau").bigrams()).contains("cham dut", "giam ho");
        assertThat(VietnameseAnalysis.graph(query, "huy hop dong mua ban da chung thuc").bigrams()).contains("huy bo", "giao dich");
        assertThat(VietnameseAnalysis.graph(query, "sang tên sổ hồng cho con").bigrams()).contains("bien dong", "sang ten");
        assertThat(VietnameseAnalysis.graph(query, "ra hạn visa").bigrams()).contains("gia han");
        // "thôi" elsewhere is "thời" or a sentence-final "only", and a bare "sang tên" stays the vehicles'
        assertThat(VietnameseAnalysis.graph(query, "thoi han tam tru").bigrams()).doesNotContain("cham dut");
        assertThat(VietnameseAnalysis.graph(query, "lam giay to thoi").bigrams()).doesNotContain("cham dut");
        assertThat(VietnameseAnalysis.graph(query, "sang ten xe may").bigrams()).doesNotContain("bien dong");
    }

    @Test
    void aLicenceClassIsAWordForTheLicence() {
        // round 13: a class with a digit on its own, a bare letter only after "bằng"/"hạng" (Luật TTATGT đường bộ 2024, Điều 57)
        assertThat(VietnameseAnalysis.graph(query, "a2 het han").bigrams()).contains("giay phep", "phep lai", "lai xe");
        assertThat(VietnameseAnalysis.graph(query, "hoc bang c").bigrams()).contains("giay phep", "lai xe");
        assertThat(VietnameseAnalysis.graph(query, "hang d2").bigrams()).contains("giay phep", "lai xe");
        // "bé" (a child) and "em" are not classes
        assertThat(VietnameseAnalysis.graph(query, "cho be di hoc").bigrams()).doesNotContain("giay phep", "lai xe");
        assertThat(VietnameseAnalysis.graph(query, "em e ngai").bigrams()).doesNotContain("giay phep", "lai xe");
    }

    @Test
    void ambiguousSyllablesAreNotRewritten() {
        // "cuối tuần" (weekend) is not "cưới" (wedding) once folded: bare syllables are not in the lexicon
        assertThat(VietnameseAnalysis.graph(query, "cuoi tuan").anySynonym()).isFalse();
        assertThat(VietnameseAnalysis.graph(query, "quán ăn ngon").anySynonym()).isFalse();
        assertThat(VietnameseAnalysis.graph(query, "dưới 14 tuổi").bigrams()).contains("duoi 14").doesNotContain("tu du");
    }
}
