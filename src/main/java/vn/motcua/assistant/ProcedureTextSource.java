package vn.motcua.assistant;

import java.util.List;
import java.util.Map;

/**
 * Extra searchable text per procedure code, contributed by other modules (the published answers of the questions
 * module, when it exists). Every bean of this type is read when the index is built; call
 * {@link AssistantIndex#rebuild()} when the texts change.
 */
public interface ProcedureTextSource {

    Map<String, List<String>> textsByProcedure();

    /**
     * Questions from real use whose procedure is known (a published answer naming it), as answered examples: the
     * assistant reads them like its seed examples when the index is built. Only texts already public (redacted).
     */
    default List<AnsweredExample> answeredExamples() {
        return List.of();
    }

    /** A citizen's question (as published), the procedure that answered it, and where it came from ("questions:published"). */
    record AnsweredExample(String question, String procedureCode, String source) {
    }
}
