package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.assistant.AssistantIndex;
import vn.motcua.assistant.ProcedureTextSource;
import vn.motcua.platform.db.TransactionEnd;
import vn.motcua.questions.PublishedAnswers;
import vn.motcua.questions.QuestionStateChanged;

/**
 * The questions module's published answers as extra text of the procedures they are about (the citizen's own words
 * and the agency's answer, redacted as published): a citizen asking the way others asked finds the procedure. At most
 * {@value #PER_PROCEDURE} answers per procedure, the newest, so that a much-asked procedure does not drown the others.
 * The index is rebuilt after each publication has committed.
 */
@Component
class PublishedAnswerTexts implements ProcedureTextSource {

    static final int PER_PROCEDURE = 20;

    private final PublishedAnswers answers;
    private final ObjectProvider<AssistantIndex> index;

    PublishedAnswerTexts(PublishedAnswers answers, ObjectProvider<AssistantIndex> index) {
        this.answers = answers;
        this.index = index;
    }

    @Override
    public Map<String, List<String>> textsByProcedure() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (PublishedAnswers.PublishedAnswer a : answers.aboutProcedures(PER_PROCEDURE)) {
            out.computeIfAbsent(a.procedureCode(), c -> new ArrayList<>())
                    .add(a.subject() + ". " + a.question() + " " + a.answer());
        }
        return out;
    }

    /**
     * Round 11: the published questions as answered examples (the question as published, personal data already hidden
     * by the publication; never the original text). The assistant keeps a procedure's only when it has at least
     * {@link ExampleIndex#MIN_FROM_USE} of them, so that one odd label does not steer.
     */
    @Override
    public List<AnsweredExample> answeredExamples() {
        List<AnsweredExample> out = new ArrayList<>();
        for (PublishedAnswers.PublishedAnswer a : answers.aboutProcedures(PER_PROCEDURE)) {
            if (a.question() != null && !a.question().isBlank()) {
                out.add(new AnsweredExample(a.question().strip().replaceAll("\\s+", " "), a.procedureCode(), SOURCE));
            }
        }
        return out;
    }

    static final String SOURCE = "questions:published";

    /** A published answer about a procedure: the index is rebuilt once the publication has committed. */
    @EventListener
    void on(QuestionStateChanged changed) {
        if ("PUBLISHED".equals(changed.type()) && changed.procedureCode() != null) {
            TransactionEnd.afterCompletion(() -> index.ifAvailable(AssistantIndex::rebuild));
        }
    }
}
