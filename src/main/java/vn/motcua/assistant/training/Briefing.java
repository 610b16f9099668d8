package vn.motcua.assistant.training;

import java.util.List;

/**
 * What an officer new to a procedure should know, generated from the catalogue version in force, the procedure's
 * appraisal rules and the history of supplement requests.
 *
 * @param documents              what the citizen brings (name, copies, original/copy, condition)
 * @param steps                  the process steps (name, role, time allowed)
 * @param processingTime         the legal processing time, in words
 * @param fees                   fees and charges, in words
 * @param rules                  the appraisal rules: what is checked, and its legal source
 * @param commonSupplementReasons the documents most often asked for again (with counts), from history
 */
public record Briefing(String procedureCode, String procedureName, String field, List<String> documents,
                       List<String> steps, String processingTime, List<String> fees, String legalBasis,
                       List<String> rules, List<String> commonSupplementReasons) {
}
