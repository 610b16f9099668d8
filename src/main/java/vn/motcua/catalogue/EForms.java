package vn.motcua.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Server-side validation of e-form submissions against the schema of the procedure version in force
 * on a date. Stores nothing. Used by the portal and by dossier intake.
 */
public interface EForms {

    /**
     * @param data field name to value: strings (dates as yyyy-MM-dd), numbers, and for repeatable
     *             groups a list of maps
     * @return field-level errors, empty when the submission is valid
     * @throws vn.motcua.platform.api.ApiException (404) when no version is in force
     */
    List<FieldError> validate(String procedureCode, LocalDate asOf, Map<String, Object> data);
}
