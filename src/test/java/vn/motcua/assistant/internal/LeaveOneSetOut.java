package vn.motcua.assistant.internal;

import java.util.List;
import java.util.Locale;

import vn.motcua.assistant.Answers;

/**
 * The evaluation's seam into the assistant (test side only): a question asked with the example settings the
 * evaluation chose and with the example index built without the examples of the set the question comes from
 * (leave-one-set-out, docs/assistant.md). It starts from every example line, whatever procedures the service's catalogue
 * holds ({@link AssistantService#everyExample}; production keeps only the lines its catalogue can answer). The ranking is the production one ({@link AssistantService#answer}); only the
 * view of the examples differs.
 *
 * @param strict also leave out any other set's verbatim repeat of the question ({@code -Dassistant.examples.strict=true},
 *               read once here: a stricter reading, for measuring what repeats across sets add)
 * @param mode   which examples the view starts from ({@code -Dassistant.examples.mode}, default {@code all})
 */
public record LeaveOneSetOut(AssistantService service, ExampleEvidence settings, boolean strict, Mode mode) {

    private static final Locale VI = Locale.forLanguageTag("vi");

    /**
     * Round 14: which examples a measurement uses. {@code SETS}: only our sets' questions, each set without its own lines
     * (the figure of rounds 9 to 13b); {@code WRITTEN}: only the written corpus ({@code written:<area>}), so every set's
     * lines are out and each set is measured blind to every set; {@code ALL}: both, each set without its own lines (what
     * production serves, minus the set measured); {@code NONE}: no examples (the ranking alone).
     */
    public enum Mode {
        ALL, SETS, WRITTEN, NONE;

        /** {@code -Dassistant.examples.mode=all|sets|written|none} (default all). */
        public static Mode fromProperty() {
            return valueOf(System.getProperty("assistant.examples.mode", "all").strip().toUpperCase(Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static LeaveOneSetOut of(AssistantService service, ExampleEvidence settings) {
        return of(service, settings, Mode.fromProperty());
    }

    public static LeaveOneSetOut of(AssistantService service, ExampleEvidence settings, Mode mode) {
        return new LeaveOneSetOut(service, settings, Boolean.getBoolean("assistant.examples.strict"), mode);
    }

    /** The question answered without the examples of {@code source} (a set's tag in the examples file; null: none left out). */
    public Answers ask(String question, String source) {
        ExampleEvidence ev = mode == Mode.NONE ? settings.with("enabled=false") : settings;
        return service.answer(question, null, 5, VI, RankingWeights.DEFAULT, ev, view(service.everyExample(), mode, source,
                strict ? question : null));
    }

    /** The example questions the index holds when {@code source} is left out (for checking the exclusion). */
    public List<String> exampleQuestions(String source) {
        return view(service.everyExample(), mode, source, null).examples().stream().map(ExampleIndex.Example::text).toList();
    }

    /** The source tags of this mode's examples (a set with none among them is blind to this mode). */
    public java.util.Set<String> sources() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        view(service.everyExample(), mode, null, null).examples().forEach(e -> out.add(e.source()));
        return out;
    }

    /**
     * The view of {@code all} a question of {@code source} is measured against in this mode: the mode's examples without
     * that source's lines (and, given {@code question}, without any verbatim repeat of it).
     */
    static ExampleIndex view(ExampleIndex all, Mode mode, String source, String question) {
        ExampleIndex base = switch (mode) {
            case ALL, NONE -> all;
            case SETS -> all.only("sets", s -> !ExampleIndex.written(s));
            case WRITTEN -> all.only("written", ExampleIndex::written);
        };
        if (source == null || source.isBlank()) {
            return base;
        }
        return question != null ? base.withoutSameQuestion(source, question) : base.without(source);
    }
}
