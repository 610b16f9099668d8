package vn.motcua.assistant.appraisal;

/** One rule's outcome on one dossier: the contract's {@code {"id","result","message","source"}}, plus its severity. */
public record RuleResult(String id, Result result, String message, String source, ProcedureRules.Severity severity) {

    public enum Result { PASS, FAIL, UNKNOWN }
}
