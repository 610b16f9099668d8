package vn.motcua.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Renders a procedure's e-form for a page of another module (e.g. online submission), with the shared
 * fragment {@code catalogue/eform-fields :: fields(rows)}, and turns the posted parameters back into
 * the nested data {@link EForms} validates.
 */
public interface EFormPages {

    /**
     * @param values posted values by field path (empty for a new form)
     * @param counts items per repeatable group path (empty for defaults)
     */
    Page page(String procedureCode, LocalDate asOf, Map<String, String> values, List<FieldError> errors,
              Map<String, Integer> counts);

    /**
     * Address fields posted as typed names (a browser without JavaScript: "tan dinh", "Bệnh viện Từ Dũ") turned into
     * unit codes: one place → its code; several → an error on the field and its choices (rendered by the fragment
     * from the model attribute {@code placeChoices}); none → an error on the field.
     */
    PlaceNames placeNames(String procedureCode, LocalDate asOf, Map<String, String> params, Map<String, Integer> counts);

    /** @param choices field path → the places to choose from ({@code code}, {@code label}) */
    record PlaceNames(Map<String, String> params, Map<String, ? extends List<?>> choices, List<FieldError> errors) {
    }

    /** Posted parameters (field paths such as {@code child.birthDate}) to nested data; fills {@code counts}. */
    Map<String, Object> data(Map<String, String> params, Map<String, Integer> counts);

    /**
     * A submitted form as people read it: the schema's sections and labels, in the schema's order, with choice values
     * shown by their labels and dates as dd/MM/yyyy. Fields left empty are left out; data the schema does not know
     * (an older form) comes last, under its own key, so nothing is hidden. Address values stay codes
     * ({@code type = "address"}): the caller names them as of the dossier's date.
     *
     * @return empty when the procedure has no version in force on {@code asOf}
     */
    List<ReadRow> read(String procedureCode, LocalDate asOf, Map<String, Object> data);

    /**
     * @param depth 0 for top-level sections and fields, 1 inside a section, ...
     * @param type  the schema's field type (text, date, choice, address, ...); "section" for a section
     * @param known false for data the schema does not describe
     */
    record ReadRow(boolean section, int depth, String label, String type, String value, boolean known) {
    }

    /**
     * @param rows what the fragment renders (fieldsets, fields, "add another" buttons)
     */
    record Page(String code, String name, String title, List<?> rows) {
    }
}
