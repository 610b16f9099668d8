package vn.motcua.assistant.training;

import java.util.List;

/** A short quiz generated from a procedure's facts; the answers stay on the server. */
public record Quiz(String procedureCode, List<Question> questions) {

    /** @param correct index of the right option (not sent to the officer) */
    public record Question(String id, String text, List<String> options, int correct) {
    }

    /** What the officer sees. */
    public record Shown(String id, String text, List<String> options) {
    }

    public List<Shown> shown() {
        return questions.stream().map(q -> new Shown(q.id(), q.text(), q.options())).toList();
    }
}
