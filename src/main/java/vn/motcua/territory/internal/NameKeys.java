package vn.motcua.territory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.platform.text.VietnameseText;

/**
 * Matching keys for unit names as people write them: the unit-type prefix is optional ("Phường 1", "P.1", "p1",
 * "1"), numbers ignore leading zeros ("Phường 01"), diacritics and tone placement are ignored
 * ({@link VietnameseText#fold}), and a few common abbreviations of province names are known (TP.HCM, HCM).
 */
final class NameKeys {

    private static final Set<String> ONE_WORD_PREFIXES = Set.of("phuong", "xa", "quan", "huyen", "tinh", "tp", "p", "q",
            "tx", "tt", "h", "x");
    private static final Set<String> TWO_WORD_PREFIXES = Set.of("thi tran", "thi xa", "thanh pho", "dac khu");
    private static final Map<String, String> ALIASES = Map.of(
            "hcm", "ho chi minh", "tphcm", "ho chi minh", "sai gon", "ho chi minh",
            "brvt", "ba ria vung tau", "hn", "ha noi", "tp hcm", "ho chi minh");

    private NameKeys() {
    }

    /** Folded key without the type prefix; "" for blank input. */
    static String key(String raw) {
        return String.join(" ", stripped(VietnameseText.fold(raw)));
    }

    /** Like {@link #key} but without the province aliases (HCM, Sài Gòn...): how a unit's own name reads. */
    static String plainKey(String raw) {
        String folded = VietnameseText.fold(raw);
        if (folded.isEmpty()) {
            return "";
        }
        List<String> tokens = new ArrayList<>(List.of(folded.split(" ")));
        if (tokens.size() == 1 && tokens.get(0).matches("(p|q|x|h|tx|tt)\\d+")) {
            tokens.set(0, tokens.get(0).replaceFirst("^[a-z]+", ""));
        }
        int drop = prefixLength(tokens);
        return String.join(" ", normaliseNumbers(new ArrayList<>(tokens.subList(drop, tokens.size()))));
    }

    /** Tone-placement-insensitive key (keeps diacritics) without the type prefix. */
    static String strictKey(String raw) {
        List<String> foldedTokens = List.of(VietnameseText.fold(raw).split(" "));
        List<String> canonicalTokens = List.of(VietnameseText.canonical(raw).split(" "));
        if (foldedTokens.size() != canonicalTokens.size()) {
            return VietnameseText.canonical(raw);
        }
        int drop = prefixLength(foldedTokens);
        List<String> rest = new ArrayList<>(canonicalTokens.subList(drop, canonicalTokens.size()));
        return String.join(" ", normaliseNumbers(rest));
    }

    private static List<String> stripped(String folded) {
        if (folded.isEmpty()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>(List.of(folded.split(" ")));
        // "q1", "p12": letter prefix glued to a number
        if (tokens.size() == 1 && tokens.get(0).matches("(p|q|x|h|tx|tt)\\d+")) {
            tokens.set(0, tokens.get(0).replaceFirst("^[a-z]+", ""));
        }
        int drop = prefixLength(tokens);
        List<String> rest = normaliseNumbers(new ArrayList<>(tokens.subList(drop, tokens.size())));
        String joined = String.join(" ", rest);
        String alias = ALIASES.get(joined);
        return alias != null ? List.of(alias.split(" ")) : rest;
    }

    private static int prefixLength(List<String> tokens) {
        if (tokens.size() > 2 && TWO_WORD_PREFIXES.contains(tokens.get(0) + " " + tokens.get(1))) {
            return 2;
        }
        if (tokens.size() > 1 && ONE_WORD_PREFIXES.contains(tokens.get(0))) {
            return 1;
        }
        return 0;
    }

    private static List<String> normaliseNumbers(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.matches("\\d+")) {
                tokens.set(i, t.replaceFirst("^0+(?=\\d)", ""));
            }
        }
        return tokens;
    }
}
