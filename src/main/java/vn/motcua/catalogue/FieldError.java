package vn.motcua.catalogue;

/**
 * A validation failure of one e-form field.
 *
 * @param field   path of the field, e.g. {@code child.birthDate} or {@code witnesses[1].personalId}
 * @param code    message key in the catalogue bundle, e.g. {@code eform.error.required}
 * @param message the message in the current language (Vietnamese by default)
 */
public record FieldError(String field, String code, String message) {
}
