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
}
