package vn.motcua.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.motcua.platform.text.VietnameseText;

/**
 * Words for search, folded by the platform ({@link VietnameseText#fold}: lower case, no diacritics, đ → d, which
 * PostgreSQL's unaccent does not do by default, separators as spaces, Kỳ/Kì alike). {@link #perChar} keeps
 * positions so matches can be highlighted in the original text.
 */
public final class Fold {

    /** Words that say little about which procedure is meant (folded). */
    public static final Set<String> STOPWORDS = Set.of("toi", "muon", "lam", "can", "gi", "cho", "o", "dau", "thi",
            "de", "the", "nao", "la", "cua", "va", "co", "khong", "minh", "xin", "bi", "vi", "ve", "nhu", "thu", "tuc",
            "phai", "nhung", "mot", "cac", "nhieu", "duoc", "sao", "ai", "em", "anh", "chi", "oi", "a", "nhe", "voi",
            "tai", "khi", "neu", "hay", "hoac", "moi", "da", "se", "dang", "ki");

    private Fold() {
    }

    /** One folded character per input character (same length), separators as spaces: the platform's fold. */
    public static String perChar(String s) {
        return VietnameseText.foldInPlace(s);
    }

    /** The platform's fold ({@link VietnameseText#fold}), which the stored search columns also hold. */
    public static String fold(String s) {
        return VietnameseText.fold(s);
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
}
