package vn.motcua.dossier.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Help with the online submission page, offered by a module above this one (the citizen assistant implements it; the
 * page works without it): per-field help and the checks before submit that the
 * citizen reads and confirms before the submission goes through.
 */
public interface SubmissionAdvice {

    /** Help by field path, item indexes left out ({@code members.personalId}); empty when the form has none. */
    Map<String, FieldAdvice> help(String procedureCode, Locale locale);

    /**
     * What is still missing (required documents not attached) and what does not agree (dates, ID numbers, phones).
     *
     * @param form      the nested form data as posted
     * @param documents the names of the attached files and reused documents
     */
    List<Finding> check(String procedureCode, Map<String, Object> form, List<String> documents, Locale locale);

    /** @param help what to write; {@code example} an example; {@code why} why the field is asked (each may be null) */
    record FieldAdvice(String help, String example, String why) {
    }

    /**
     * @param field   the field's path, or null for a document
     * @param error   true when it must be corrected; false when it is for the citizen to confirm
     * @param message in the page's language
     */
    record Finding(String field, boolean error, String message) {
    }
}
