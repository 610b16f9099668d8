package vn.motcua.assistant.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.springframework.core.io.ClassPathResource;

/**
 * Round 18: what a question is asked for, read from word patterns kept as versioned data
 * ({@code assistant/purposes-vi.txt}, folded like the lexicon). A <em>private</em> purpose is one no procedure serves (the
 * thing's price, buying or selling it, a repair or a private service, an opinion, its physical care, a baby's name); an
 * <em>act</em> is doing a procedure (its act, papers, fee or place). "giá xe máy cũ bao nhiêu" is private; "làm hộ chiếu
 * bao nhiêu tiền" asks a fee too, but of an act. Round 21: an <em>unserved</em> object is one of the domains whose
 * procedures the catalogue does not hold (a vaccination, a job, a club's membership): an act on it ("đăng ký tiêm chủng")
 * is no procedure's act, unless a candidate's name holds the object after all.
 */
final class PurposeReading {

    /** Words a gap (" .. ") may skip between two parts of a pattern. */
    static final int GAP = 6;

    /** A pattern: its parts, each a run of folded words; a later part follows within {@link #GAP} words. */
    record Pattern(List<List<String>> parts) {
    }

    /** What the question was read as; {@code objects}: the unserved objects it names (folded words). */
    record Purpose(boolean privatePurpose, boolean act, List<List<String>> objects) {

        /** A private purpose and no act of a procedure. */
        boolean onlyPrivate() {
            return privatePurpose && !act;
        }

        /**
         * Round 21: the question names an unserved object that none of these folded names holds — the names decide, so a
         * catalogue that comes to publish such a procedure answers it without a change of data.
         */
        boolean unservedBy(Collection<List<String>> names) {
            return objects.stream().anyMatch(o -> names.stream().noneMatch(n -> Collections.indexOfSubList(n, o) >= 0));
        }
    }

    private final Analyzer folding = VietnameseAnalysis.folding();
    private final List<Pattern> privates = new ArrayList<>();
    private final List<Pattern> acts = new ArrayList<>();
    private final List<List<String>> excepts = new ArrayList<>();
    private final List<Pattern> unserved = new ArrayList<>();

    PurposeReading(String text) {
        String[] lines = text.split("\n");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int sp = line.indexOf(' ');
            String kind = sp < 0 ? line : line.substring(0, sp);
            List<List<String>> parts = new ArrayList<>();
            for (String part : (sp < 0 ? "" : line.substring(sp + 1)).split(" \\.\\. ")) {
                List<String> words = VietnameseAnalysis.fold(folding, part);
                if (words.isEmpty()) {
                    throw new IllegalArgumentException("assistant purposes, line " + (n + 1) + ": an empty part in '" + line + "'");
                }
                parts.add(words);
            }
            switch (kind) {
                case "private" -> privates.add(new Pattern(parts));
                case "act" -> acts.add(new Pattern(parts));
                case "except", "unserved" -> {
                    if (parts.size() != 1) {
                        throw new IllegalArgumentException("assistant purposes, line " + (n + 1) + ": an " + kind + " line has no gap");
                    }
                    if (kind.equals("except")) {
                        excepts.add(parts.get(0));
                    } else {
                        unserved.add(new Pattern(parts));
                    }
                }
                default -> throw new IllegalArgumentException("assistant purposes, line " + (n + 1)
                        + ": the kind must be private, act, unserved or except, not '" + kind + "'");
            }
        }
    }

    /** The shipped reading. */
    static PurposeReading shipped() {
        try (var in = new ClassPathResource("assistant/purposes-vi.txt").getInputStream()) {
            return new PurposeReading(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The question's purpose (its folded words; typed without diacritics it reads the same). */
    Purpose read(String question) {
        List<String> words = VietnameseAnalysis.fold(folding, question);
        return new Purpose(!matched(privates, words, true).isEmpty(), !matched(acts, words, true).isEmpty(),
                matched(unserved, words, false).stream().map(p -> p.parts().get(0)).toList());
    }

    /** The patterns found in the words (the first one only when {@code first}). */
    private List<Pattern> matched(List<Pattern> patterns, List<String> words, boolean first) {
        List<Pattern> out = new ArrayList<>();
        for (Pattern p : patterns) {
            for (int i = 0; i < words.size(); i++) {
                if (matchesAt(p, words, i) && !excepted(p, words, i)) {
                    out.add(p);
                    if (first) {
                        return out;
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matchesAt(Pattern p, List<String> words, int i) {
        if (!runAt(p.parts().get(0), words, i)) {
            return false;
        }
        int next = i + p.parts().get(0).size();
        for (List<String> part : p.parts().subList(1, p.parts().size())) {
            int found = -1;
            for (int j = next; j <= Math.min(words.size() - part.size(), next + GAP); j++) {
                if (runAt(part, words, j)) {
                    found = j;
                    break;
                }
            }
            if (found < 0) {
                return false;
            }
            next = found + part.size();
        }
        return true;
    }

    private static boolean runAt(List<String> run, List<String> words, int i) {
        return i >= 0 && i + run.size() <= words.size() && words.subList(i, i + run.size()).equals(run);
    }

    /** The match's first word lies inside an exception's words, and the pattern does not begin with them. */
    private boolean excepted(Pattern p, List<String> words, int i) {
        for (List<String> e : excepts) {
            for (int s = Math.max(0, i - e.size() + 1); s <= i; s++) {
                boolean own = s == i && p.parts().get(0).size() >= e.size() && p.parts().get(0).subList(0, e.size()).equals(e);
                if (runAt(e, words, s) && !own) {
                    return true;
                }
            }
        }
        return false;
    }
}
