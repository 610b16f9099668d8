package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The columns a change of state also updates, typed: each setter names one thing an action may change, and
 * {@link DossierStore#transition} turns the columns set into SQL (the column names are fixed here, never taken from
 * callers). A column not set keeps its value; one set to null is cleared.
 */
final class DossierChange {

    /** The dossier columns an action may change besides its state and version. */
    enum Column {
        CODE("code"), ACCEPTED_AT("accepted_at"), DUE_AT("due_at"), CLOSED_AT("closed_at"), COUNT_FROM("count_from"),
        RECEPTION_DUE_AT("reception_due_at"), AGENCY_CODE("agency_code"), AGENCY_NAME("agency_name"),
        WARNING("warning"), STOP_REASON("stop_reason"), PROCESS("process"), PROCEDURE_FIELD("procedure_field"),
        FIELD_KEY("field_key"), FORM_DATA("form_data");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    private final Map<Column, Object> values = new EnumMap<>(Column.class);

    /** A change of state alone. */
    static DossierChange none() {
        return new DossierChange();
    }

    static DossierChange change() {
        return new DossierChange();
    }

    DossierChange code(String code) {
        return put(Column.CODE, code);
    }

    DossierChange acceptedAt(Instant at) {
        return put(Column.ACCEPTED_AT, at);
    }

    /** The appointment; the warning about it (near or past due) is cleared with it. */
    DossierChange dueAt(Instant due) {
        return put(Column.DUE_AT, due);
    }

    DossierChange clearWarning() {
        return put(Column.WARNING, null);
    }

    DossierChange closedAt(Instant at) {
        return put(Column.CLOSED_AT, at);
    }

    DossierChange stopReason(String reason) {
        return put(Column.STOP_REASON, reason);
    }

    DossierChange countFrom(Instant at) {
        return put(Column.COUNT_FROM, at);
    }

    DossierChange receptionDueAt(Instant at) {
        return put(Column.RECEPTION_DUE_AT, at);
    }

    DossierChange agency(String code, String name) {
        put(Column.AGENCY_CODE, code);
        return put(Column.AGENCY_NAME, name);
    }

    /** The process snapshot taken when processing starts (a jsonb column), and the procedure's field. */
    DossierChange process(List<ProcessingStore.StepDef> process, String field, String fieldKey) {
        put(Column.PROCESS, new DossierStore.Jsonb(process));
        put(Column.PROCEDURE_FIELD, field);
        return put(Column.FIELD_KEY, fieldKey);
    }

    /** The applicant's form as corrected in a supplement (encrypted at rest; its subject indexed again). */
    DossierChange form(Map<String, Object> form) {
        return put(Column.FORM_DATA, new DossierStore.SealedForm(form));
    }

    Map<Column, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    private DossierChange put(Column c, Object v) {
        values.put(c, v);
        return this;
    }
}
