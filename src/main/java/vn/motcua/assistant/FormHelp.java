package vn.motcua.assistant;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Help with an e-form (issue #18, form help): per-field plain-language help, values pre-filled from the citizen's last
 * dossier, and the checks before submit. Implemented by the assistant module; it reads the forms, never changes them.
 */
public interface FormHelp {

    /**
     * What each field of the procedure's e-form asks for, an example, and why it is asked, in the locale's language
     * (Vietnamese, or English).
     *
     * @throws vn.motcua.platform.api.ApiException 404 when the procedure has no hand-written e-form
     */
    Sheet help(String procedureCode, Locale locale);

    /**
     * Values for the procedure's e-form from this account's last dossier (empty values when it has none), only with the
     * citizen's consent to reuse their data ({@code privacy.Consents.DATA_STORE_REUSE}, as the data store's prefill).
     */
    Prefill prefill(String procedureCode, String username);

    /**
     * The checks before submit: documents still missing against the procedure's required documents, and consistency
     * rules (a child's birth date, personal ID numbers against birth date and sex, phone numbers).
     *
     * @param form      the e-form's data as submitted (nested: {@code {"child": {"birthDate": "2026-12-01"}}})
     * @param documents names (or file names) of the documents the citizen attached
     */
    Check check(String procedureCode, Map<String, Object> form, List<String> documents, Locale locale);

    record Sheet(String procedure, String title, String language, List<FieldHelp> fields) {
    }

    /** @param field the field's path, as the form posts it ({@code child.birthDate}, {@code members.personalId}) */
    record FieldHelp(String field, String label, String type, boolean required, String help, String example, String why) {
    }

    /**
     * @param values     field path → value, only fields the procedure's form has ({@code applicant.fullName} …)
     * @param fromDossier the receipt number (or code) of the dossier they come from; null when there is none
     * @param consentNeeded true when a last dossier exists but the citizen has not consented to its reuse (never
     *                      decided, or withdrawn): values and the dossier are then withheld
     */
    record Prefill(String procedure, Map<String, String> values, String fromDossier, String fromProcedure,
                   Instant fromReceivedAt, boolean consentNeeded) {
    }

    /** @param ok no finding of severity ERROR (warnings and notes are for the citizen to confirm) */
    record Check(String procedure, boolean ok, List<Finding> findings) {
    }

    /**
     * @param field    the field's path ({@code mother.personalId}, {@code members[0].personalId}), or null for documents
     * @param severity ERROR (to correct), WARNING (to confirm), INFO
     * @param code     the message key
     */
    record Finding(String field, String severity, String code, String message) {
    }
}
