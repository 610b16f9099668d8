package vn.motcua.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matching keys for Vietnamese text (names of places, procedures, people).
 * <ul>
 *   <li>{@link #fold(String)}: lower case, no diacritics at all, đ→d, punctuation to spaces, single spaces,
 *       and the i/y spelling variants after a bare onset (Quy/Qui, Mỹ/Mĩ, Kỳ/Kì) unified to i. What a person
 *       types without diacritics folds to the same key as the accented name.</li>
 *   <li>{@link #canonical(String)}: keeps vowels' shapes and tones but not where the tone mark sits, so
 *       "Hoà"/"Hòa" and "Thuỷ"/"Thủy" are equal while "Hòa" and "Hóa" stay different.</li>
 * </ul>
 * Both are idempotent: {@code fold(fold(s)).equals(fold(s))}.
 */
public final class VietnameseText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    /** A syllable that is a bare onset followed by y (quy, my, ky, ly, sy, ty, hy, ...): y ≡ i. */
    private static final Pattern ONSET_Y = Pattern.compile("(?<=^|\\s)(qu|gi|ph|th|ch|tr|kh|nh|ng|[bcdđghklmnpqrstvx])y(?=\\s|$|\\d)");
    private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

    private VietnameseText() {
    }

    /** Diacritic-free, case-free matching key; null becomes "". */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFD);
        t = MARKS.matcher(t).replaceAll("");
        t = t.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        t = NON_ALNUM.matcher(t).replaceAll(" ").trim();
        return ONSET_Y.matcher(t).replaceAll("$1i");
    }

    /**
     * {@link #fold(String)} with one character per input character, so positions in the result are positions in
     * the text (for highlighting): separators become spaces instead of collapsing, nothing is trimmed. Meant for
     * NFC text (normalise first, {@link InputText#nfc}): a combining mark left in the text becomes a space.
     * {@code fold(text)} equals this result with its runs of spaces collapsed and trimmed.
     */
    public static String foldInPlace(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(foldChar(s.charAt(i)));
        }
        // y → i keeps the length
        return ONSET_Y.matcher(out).replaceAll("$1i");
    }

    private static char foldChar(char c) {
        if (c == 'đ' || c == 'Đ') {
            return 'd';
        }
        if (c < 128) {
            return Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : ' ';
        }
        char base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0);
        return Character.isLetterOrDigit(base) ? Character.toLowerCase(base) : ' ';
    }

    /**
     * Tone-placement-insensitive key that keeps diacritics: each syllable's tone mark is moved to the end of the
     * syllable (as a digit 1–5), other marks (â, ă, ơ, ư, đ) are kept; lower case; i/y variants unified.
     */
    public static String canonical(String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        t = NON_ALNUM.matcher(t).replaceAll(" ").trim();
        StringBuilder out = new StringBuilder(t.length() + 4);
        for (String syllable : t.split(" ")) {
            if (syllable.isEmpty()) {
                continue;
            }
            StringBuilder base = new StringBuilder(syllable.length());
            int tone = 0;
            for (int i = 0; i < syllable.length(); i++) {
                char c = syllable.charAt(i);
                int idx = TONES.indexOf(c);
                if (idx >= 0) {
                    tone = idx + 1;
                } else {
                    base.append(c);
                }
            }
            String b = Normalizer.normalize(base, Normalizer.Form.NFC);
            b = ONSET_Y.matcher(b).replaceAll("$1i");
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(b);
            if (tone > 0) {
                out.append(tone);
            }
        }
        return out.toString();
    }

    /** Whether the text carries any Vietnamese diacritic (so a caller can prefer the stricter key). */
    public static boolean hasDiacritics(String s) {
        if (s == null) {
            return false;
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFD);
        return MARKS.matcher(t).find() || t.indexOf('đ') >= 0 || t.indexOf('Đ') >= 0;
    }
}
