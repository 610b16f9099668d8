package vn.motcua.catalogue.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Vietnamese text folding for search: lower case, diacritics removed, đ folded to d (which
 * PostgreSQL's unaccent does not do by default), anything that is not a letter or digit becomes a
 * space. {@link #perChar} keeps positions so matches can be highlighted in the original text.
 */
public final class Fold {

    /** Words that say little about which procedure is meant (folded). */
    public static final Set<String> STOPWORDS = Set.of("toi", "muon", "lam", "can", "gi", "cho", "o", "dau", "thi",
            "de", "the", "nao", "la", "cua", "va", "co", "khong", "minh", "xin", "bi", "vi", "ve", "nhu", "thu", "tuc",
            "phai", "nhung", "mot", "cac", "nhieu", "duoc", "sao", "ai", "em", "anh", "chi", "oi", "a", "nhe", "voi",
            "tai", "khi", "neu", "hay", "hoac", "moi", "da", "se", "dang", "ky");

    private Fold() {
    }

    /** One folded character per input character (same length), separators as spaces. */
    public static String perChar(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(foldChar(s.charAt(i)));
        }
        return out.toString();
    }

    static char foldChar(char c) {
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (c < 128) {
            return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ';
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = d.charAt(0);
        if (!Character.isLetterOrDigit(base)) {
            return ' ';
        }
        return Character.toLowerCase(base);
    }

    /** Folded, with runs of separators collapsed to one space and trimmed. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        return perChar(s).trim().replaceAll(" +", " ");
    }

    public static List<String> words(String s) {
        String f = fold(s);
        return f.isEmpty() ? List.of() : List.of(f.split(" "));
    }

    /** Words without stop words; if that leaves nothing, all words. */
    public static List<String> significantWords(String s) {
        List<String> all = words(s);
        List<String> kept = new ArrayList<>();
        for (String w : all) {
            if (!STOPWORDS.contains(w)) {
                kept.add(w);
            }
        }
        return kept.isEmpty() ? all : kept;
    }

    /** Normalise tone-mark placement variants (hoà/hòa) so they compare equal: NFC of lower case. */
    public static String nfcLower(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
