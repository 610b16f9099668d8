package vn.motcua.assistant.internal;

/**
 * What Vietnamese typing methods leave in a folded syllable when the input method was off or slipped: Telex ("dd" for
 * đ, a doubled vowel for â/ê/ô, "w" for ă/ơ/ư, a trailing tone key s/f/r/x/j or "z") and VNI (digits 1-9 for the marks and
 * tones, "d9" for đ). A Vietnamese syllable never ends in s, f, r, x, j, z or w and never holds a digit, so these are
 * read as keys, not letters. Callers accept the result only when it is a known word and the input was not.
 */
final class TypingResidue {

    private TypingResidue() {
    }

    /** The syllable without typing keys ("sinhf" → "sinh", "ddangw" → "dang", "ky1" → "ky"); itself if nothing applies. */
    static String strip(String w) {
        if (w.length() < 2 || !w.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                || w.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            return w;
        }
        String s = w;
        if (s.chars().anyMatch(Character::isDigit)) {
            // VNI: the marks are digits typed after the letter they change; a word of letters and digits that starts
            // with a digit ("2tang") or is mostly digits is something else
            if (!Character.isLetter(s.charAt(0)) || s.chars().filter(Character::isDigit).count() > 2) {
                return w;
            }
            s = s.replaceAll("[1-9]", "");
            if (s.chars().anyMatch(Character::isDigit)) {
                return w;
            }
        }
        // Telex: a tone key (or "z", which clears the tone) at the end, possibly after the w of a horn ("nguowif")
        s = s.replaceAll("([a-z])[sfrxjz]$", "$1");
        s = s.replace("dd", "d");
        s = s.replaceAll("([aeo])\\1", "$1");
        // "w" makes ă/ơ/ư of the vowel before it, or anywhere in the syllable ("dangw" = "đăng"); alone it is "ư" ("tw")
        s = s.replaceAll("[aeiouy]", "").replace("w", "").isEmpty() || s.matches("[^aeiouy]*w[^aeiouy]*")
                ? s.replace("w", "u") : s.replace("w", "");
        return s;
    }
}
