package vn.motcua.reporting.internal;

/**
 * Narrows the indicators to one field (lĩnh vực, as the dossier kept it at acceptance: {@code dossier.procedure_field})
 * and/or one procedure code; null = all.
 */
public record Filter(String field, String procedure) {

    public static final Filter NONE = new Filter(null, null);

    public boolean isNone() {
        return field == null && procedure == null;
    }
}
