package vn.motcua.questions.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import vn.motcua.platform.text.VietnameseText;

/**
 * Finding a repeated question by equality rather than by scanning: the MinHash band keys of a text's word 3-grams.
 * Two texts share a band with probability J² (J: the Jaccard similarity of their 3-gram sets), so a text that shares
 * at least {@link #MIN_SHARED} of the {@link #BANDS} bands is very likely a close copy (J ≳ 0.6), and an unrelated one
 * almost never does (J = 0.3: about 1 %). The texts are compared as they are published: placeholders of the
 * {@link Redactor} and every word holding a digit are left out, so the same question with another phone number, ID
 * number, name or file number gives the same keys. Stored in {@code question_repeat_key}.
 */
public final class RepeatKeys {

    static final int BANDS = 10;
    static final int MIN_SHARED = 4;
    private static final int ROWS = 2;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\]\\n]{1,40}]");

    private RepeatKeys() {
    }

    /** The keys of a question being submitted: redacted as its publication draft would be, then {@link #of}. */
    static long[] ofSubmitted(String subject, String text, String askerName) {
        return of(Redactor.redact(subject, askerName).text() + "\n" + Redactor.redact(text, askerName).text());
    }

    /** The keys of a (published, redacted) subject and question; none for a text without words. */
    public static long[] of(String text) {
        String folded = VietnameseText.fold(PLACEHOLDER.matcher(text == null ? "" : text).replaceAll(" "));
        List<String> words = new ArrayList<>();
        for (String w : folded.split(" ")) {
            if (!w.isEmpty() && w.chars().noneMatch(Character::isDigit)) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return new long[0];
        }
        long[] min = new long[BANDS * ROWS];
        Arrays.fill(min, Long.MAX_VALUE);
        int shingles = Math.max(1, words.size() - 2);
        for (int i = 0; i < shingles; i++) {
            long h = fnv(String.join(" ", words.subList(i, Math.min(words.size(), i + 3))));
            for (int j = 0; j < min.length; j++) {
                min[j] = Math.min(min[j], mix(h + (j + 1) * 0x9E3779B97F4A7C15L));
            }
        }
        long[] keys = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            keys[b] = mix(mix(min[ROWS * b] ^ (b + 1) * 0xC2B2AE3D27D4EB4FL) ^ min[ROWS * b + 1]);
        }
        return keys;
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: a well-spread 64-bit mix. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
