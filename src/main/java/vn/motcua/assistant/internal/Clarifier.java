package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.context.MessageSource;
import vn.motcua.assistant.Answers;

/**
 * One short question when the close answers differ in a way the citizen can tell: a foreign element or not, a child
 * under 14 or not, first issue or re-issue or exchange. The facet is read from the procedures' names (folded); a facet
 * the question already settles (it says "nước ngoài", "dưới 14 tuổi", "cấp lại"…) is not asked again.
 */
final class Clarifier {

    /** Answers within this share of the best score count as close. */
    static final double CLOSE = 0.75;
    static final int MAX_CLOSE = 5;

    private Clarifier() {
    }

    /** A way to tell procedures apart: value keys in order, each with its test on the folded name. */
    record Facet(String key, Map<String, Predicate<String>> values, List<String> settledBy) {
    }

    static final List<Facet> FACETS = List.of(
            new Facet("foreign", values(
                    v("yes", n -> n.contains("yeu to nuoc ngoai")),
                    v("no", n -> !n.contains("yeu to nuoc ngoai"))),
                    List.of("nuoc ngoai", "yeu to")),
            new Facet("age", values(
                    v("child", n -> n.contains("duoi 14 tuoi")),
                    v("adult", n -> n.contains("tu du 14 tuoi"))),
                    List.of("14 tuoi")),
            // a re-issue is a document issued again ("cấp lại"); a civil-status re-registration ("đăng ký lại khai tử",
            // "… nuôi con nuôi") is not a lost paper, so it takes no value and the facet is not asked about it
            new Facet("issue", values(
                    v("reissue", n -> n.contains("cap lai")),
                    v("exchange", n -> n.contains("cap doi") || n.startsWith("doi ")),
                    v("first", n -> !n.contains("cap lai") && !n.contains("dang ky lai") && !n.contains("cap doi")
                            && !n.startsWith("doi "))),
                    List.of("cap lai", "dang ky lai", "cap doi", "lan dau", "cap moi", "bi mat", "hu hong")));

    private static Map.Entry<String, Predicate<String>> v(String key, Predicate<String> test) {
        return Map.entry(key, test);
    }

    @SafeVarargs
    private static Map<String, Predicate<String>> values(Map.Entry<String, Predicate<String>>... entries) {
        Map<String, Predicate<String>> m = new LinkedHashMap<>();
        for (var e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }

    static Answers.Clarify clarify(List<Ranker.Candidate> ranked, VietnameseAnalysis.Graph graph,
                                   MessageSource messages, Locale locale) {
        if (ranked.size() < 2) {
            return null;
        }
        double best = ranked.get(0).score();
        List<Ranker.Candidate> close = ranked.stream().limit(MAX_CLOSE)
                .filter(c -> c.score() >= CLOSE * best).toList();
        if (close.size() < 2) {
            return null;
        }
        String query = " " + String.join(" ", graph.unigrams()) + " ";
        java.util.Set<String> pairs = graph.bigrams();
        for (Facet f : FACETS) {
            if (f.settledBy().stream().anyMatch(s -> pairs.contains(s) || query.contains(" " + s + " "))) {
                continue;
            }
            Map<String, List<String>> split = new LinkedHashMap<>();
            for (Ranker.Candidate c : close) {
                String name = String.join(" ", c.meta().nameFolded());
                for (var v : f.values().entrySet()) {
                    if (v.getValue().test(name)) {
                        split.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(c.meta().code());
                        break;
                    }
                }
            }
            if (split.size() >= 2) {
                List<Answers.Option> options = new ArrayList<>();
                split.forEach((value, codes) -> options.add(new Answers.Option(
                        messages.getMessage("assistant.clarify." + f.key() + "." + value, null, value, locale), codes)));
                return new Answers.Clarify(
                        messages.getMessage("assistant.clarify." + f.key() + ".question", null, f.key(), locale), options);
            }
        }
        return SiblingClarifier.clarify(close, pairs,
                Ranker.namesBusiness(new java.util.HashSet<>(graph.unigrams()), pairs), messages, locale);
    }
}
