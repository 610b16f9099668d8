package vn.motcua.assistant.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.assistant.internal.AssistantPriorsTest.version;

import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * Round 8: how citizens type (Telex/VNI residue, the fuzzy syllable match), the count inside a phrase, the lexicon's v3
 * words, and the first-issue/re-issue question only where a paper is re-issued. No Spring, no database.
 */
class AssistantTypingTest {

    private final ProcedureIndex idx = ProcedureIndex.build(List.of(
            version("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch", null, null),
            version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null),
            version("1.004194", "Đăng ký tạm trú", "Đăng ký, quản lý cư trú", null, null),
            version("1.012784", "Đăng ký biến động đối với trường hợp tách thửa hoặc hợp thửa đất", "Đất đai", null, null),
            version("1.000894", "Thủ tục đăng ký kết hôn", "Hộ tịch", null, null)), Map.of());
    private final QueryReader reader = new QueryReader();

    @Test
    void telexAndVniResidueIsReadAsTheKeysTheyAre() {
        assertThat(TypingResidue.strip("sinhf")).isEqualTo("sinh");
        assertThat(TypingResidue.strip("kys")).isEqualTo("ky");
        assertThat(TypingResidue.strip("ddangw")).isEqualTo("dang");
        assertThat(TypingResidue.strip("nguowif")).isEqualTo("nguoi");
        assertThat(TypingResidue.strip("taaj")).isEqualTo("ta");
        assertThat(TypingResidue.strip("tw")).isEqualTo("tu");
        assertThat(TypingResidue.strip("ky1")).isEqualTo("ky");
        assertThat(TypingResidue.strip("d9ang")).isEqualTo("dang");
        // a number, a number first, or no key at all: left alone
        assertThat(TypingResidue.strip("2024")).isEqualTo("2024");
        assertThat(TypingResidue.strip("2tang")).isEqualTo("2tang");
        assertThat(TypingResidue.strip("khai")).isEqualTo("khai");
        // through the reader: only an unknown word is read, and only into a known one
        assertThat(reader.corrected("ddang kys khai sinhf", idx)).isEqualTo("dang ky khai sinh");
        assertThat(reader.corrected("dang ky1 khai tu73", idx)).isEqualTo("dang ky khai tu");
        // "tux" is "tũ" (Telex x = ngã), not the most used word one edit away ("tuc", as in "thủ tục")
        assertThat(reader.corrected("khai tux", idx)).isEqualTo("khai tu");
        // a lexicon abbreviation with a digit is a word, not VNI ("kt3" is the old residence book)
        assertThat(reader.corrected("so kt3", idx)).isEqualTo("so kt3");
    }

    @Test
    void fuzzyMatchOnlyAgainstTheCatalogueAndOnlyForUnknownSyllables() {
        // a known pair: one letter off a catalogue syllable, not itself a word anywhere
        assertThat(reader.corrected("dang ky khai sinnh", idx)).isEqualTo("dang ky khai sinh");
        assertThat(reader.corrected("dang ky tamm tru", idx)).isEqualTo("dang ky tam tru");
        // a known non-word (nothing one edit away in the catalogue): left as it is, and it then counts as unfamiliar
        assertThat(reader.corrected("karaoke", idx)).isEqualTo("karaoke");
        assertThat(reader.read("karaoke", idx).unfamiliar()).isEqualTo(1.0);
        // a word the lexicon knows is never "corrected" towards the catalogue ("cccd", "honda")
        assertThat(reader.corrected("honda", idx)).isEqualTo("honda");
    }

    @Test
    void aCountInsideACitizensPhraseDoesNotHideIt() {
        var starts = QueryReader.phraseStarts(QueryReader.readLexicon(), VietnameseAnalysis.folding());
        assertThat(starts).contains("gop thua", "tach so");
        assertThat(String.join(" ", QueryReader.withoutInnerCounts(Arrays.asList("gop 2 thua dat".split(" ")), starts)))
                .isEqualTo("gop thua dat");
        // a number that is part of what is asked stays ("nhà 3 tầng", "dưới 14 tuổi", "3 tháng")
        assertThat(String.join(" ", QueryReader.withoutInnerCounts(Arrays.asList("xay nha 3 tang".split(" ")), starts)))
                .isEqualTo("xay nha 3 tang");
        assertThat(String.join(" ", QueryReader.withoutInnerCounts(Arrays.asList("cccd duoi 14 tuoi".split(" ")), starts)))
                .isEqualTo("cccd duoi 14 tuoi");
        var query = VietnameseAnalysis.query(VietnameseAnalysis.lexicon(new StringReader(QueryReader.readLexicon())));
        assertThat(VietnameseAnalysis.graph(query, reader.corrected("gộp 2 thửa đất", idx)).bigrams()).contains("hop thua");
    }

    @Test
    void lexiconVersion3EverydayWords() {
        var query = VietnameseAnalysis.query(VietnameseAnalysis.lexicon(new StringReader(QueryReader.readLexicon())));
        assertThat(VietnameseAnalysis.graph(query, "hai đứa cưới nhau").bigrams()).contains("ket hon");
        assertThat(VietnameseAnalysis.graph(query, "chia tách mảnh đất").bigrams()).contains("tach thua", "thua dat");
        assertThat(VietnameseAnalysis.graph(query, "tạm dừng bán hàng").bigrams()).contains("tam ngung");
        assertThat(VietnameseAnalysis.graph(query, "khai sinh cho con nít").bigrams()).contains("tre em");
        assertThat(VietnameseAnalysis.graph(query, "bà xã tôi").unigrams()).contains("vo");
        assertThat(VietnameseAnalysis.graph(query, "mẹ kế").bigrams()).contains("me ke");
        // folding traps left out: "cần hộ khẩu" still reads the residence book, bare "ba" is no kin word of the lexicon
        assertThat(VietnameseAnalysis.graph(query, "can ho khau").bigrams()).contains("cu tru").doesNotContain("nha o");
        assertThat(VietnameseAnalysis.graph(query, "ba").anySynonym()).isFalse();
    }

    @Test
    void firstIssueOrReissueIsAskedOnlyWhereAPaperIsReissued() {
        ProcedureIndex death = ProcedureIndex.build(List.of(
                version("1.000656", "Thủ tục đăng ký khai tử", "Hộ tịch", null, null),
                version("1.005461", "Đăng ký lại khai tử", "Hộ tịch", null, null)), Map.of());
        var close = List.of(new Ranker.Candidate(death.meta("1.000656"), 20, 2, 0, 2, 1),
                new Ranker.Candidate(death.meta("1.005461"), 19, 2, 0, 2, 1));
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        var graph = VietnameseAnalysis.graph(VietnameseAnalysis.folding(), "dang ky khai tu");
        var asked = Clarifier.clarify(close, graph, messages, Locale.ROOT);
        assertThat(asked == null || !asked.question().equals("issue")).isTrue();
        // a paper that is re-issued still gets the question
        ProcedureIndex card = ProcedureIndex.build(List.of(
                version("1.014061", "Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên", "Căn cước", null, null),
                version("1.014058", "Cấp lại thẻ căn cước", "Căn cước", null, null)), Map.of());
        var cards = List.of(new Ranker.Candidate(card.meta("1.014061"), 20, 2, 0, 2, 1),
                new Ranker.Candidate(card.meta("1.014058"), 19, 2, 0, 2, 1));
        var reissue = Clarifier.clarify(cards, VietnameseAnalysis.graph(VietnameseAnalysis.folding(), "the can cuoc"),
                messages, Locale.ROOT);
        assertThat(reissue).isNotNull();
        assertThat(reissue.question()).isEqualTo("issue");
    }
}
