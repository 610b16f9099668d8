package vn.motcua.assistant.internal;

import java.util.List;
import java.util.Locale;

import vn.motcua.assistant.Answers;

/**
 * The evaluation's seam into the assistant (test side only): a question asked with the example settings the
 * evaluation chose and with the example index built without the examples of the set the question comes from
 * (leave-one-set-out, docs/assistant.md). The ranking is the production one ({@link AssistantService#answer}); only the
 * view of the examples differs.
 *
 * @param strict also leave out any other set's verbatim repeat of the question ({@code -Dassistant.examples.strict=true},
 *               read once here: a stricter reading, for measuring what repeats across sets add)
 */
public record LeaveOneSetOut(AssistantService service, ExampleEvidence settings, boolean strict) {

    private static final Locale VI = Locale.forLanguageTag("vi");

    public static LeaveOneSetOut of(AssistantService service, ExampleEvidence settings) {
        return new LeaveOneSetOut(service, settings, Boolean.getBoolean("assistant.examples.strict"));
    }

    /** The question answered without the examples of {@code source} (a set's tag in the examples file; null: none left out). */
    public Answers ask(String question, String source) {
        return service.answer(question, null, 5, VI, RankingWeights.DEFAULT, settings, view(source, question));
    }

    /** The example questions the index holds when {@code source} is left out (for checking the exclusion). */
    public List<String> exampleQuestions(String source) {
        return view(source, null).examples().stream().map(ExampleIndex.Example::text).toList();
    }

    private ExampleIndex view(String source, String question) {
        ExampleIndex all = service.examples();
        if (source == null || source.isBlank()) {
            return all;
        }
        return strict && question != null ? all.withoutSameQuestion(source, question) : all.without(source);
    }
}
