package vn.motcua.platform.text;

import java.text.Normalizer;

/**
 * What text from outside may contain. Every string that reaches the application through the API is
 * normalised to Unicode NFC and refused when it holds a character that only ever does harm: NUL and the
 * other C0/C1 control characters (tab, line feed and carriage return excepted), the bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) and unpaired surrogates. Names and addresses
 * are stricter still: a single line ({@link #firstForbiddenInLine}).
 */
public final class InputText {

    private InputText() {
    }

    /** The index of the first character no text may hold, or -1. */
    public static int firstForbidden(CharSequence s) {
        return scan(s, false);
    }

    /** As {@link #firstForbidden}, and tab, line feed and carriage return are refused too (names, addresses). */
    public static int firstForbiddenInLine(CharSequence s) {
        return scan(s, true);
    }

    private static int scan(CharSequence s, boolean singleLine) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (singleLine || (c != '\t' && c != '\n' && c != '\r')) {
                    return i;
                }
            } else if (c >= 0x7F && c < 0xA0) {
                return i;
            } else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** NFC form (precomposed Vietnamese letters); the same string when it is already NFC. */
    public static String nfc(String s) {
        return s == null || Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** The code point at a forbidden index as U+XXXX, for messages. */
    public static String describe(CharSequence s, int index) {
        return String.format("U+%04X", (int) s.charAt(index));
    }

    /** A short printable rendering of untrusted text for messages: forbidden characters as '?', at most 64 characters. */
    public static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 64; i++) {
            char c = s.charAt(i);
            b.append(firstForbiddenInLine(String.valueOf(c)) >= 0 || Character.isSurrogate(c) ? '?' : c);
        }
        return s.length() > 64 ? b + "…" : b.toString();
    }
}
