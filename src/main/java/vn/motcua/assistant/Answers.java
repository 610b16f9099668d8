package vn.motcua.assistant;

import java.util.List;

/**
 * What the assistant found for a question.
 *
 * @param answers best first; empty when {@code noMatch}
 * @param noMatch nothing in the catalogue fits: the citizen should be offered the question channel instead
 * @param clarify one short question whose options split the close answers, or null when not needed
 */
public record Answers(List<Answer> answers, boolean noMatch, Clarify clarify) {

    /**
     * @param score relevance after priors (higher is better; comparable within one question only)
     * @param why   the catalogue's words that matched, e.g. "khai tử"
     */
    public record Answer(String code, String name, double score, List<String> why) {
    }

    public record Clarify(String question, List<Option> options) {
    }

    public record Option(String label, List<String> codes) {
    }
}
