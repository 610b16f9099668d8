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

    /** Posted parameters (field paths such as {@code child.birthDate}) to nested data; fills {@code counts}. */
    Map<String, Object> data(Map<String, String> params, Map<String, Integer> counts);

    /**
     * @param rows what the fragment renders (fieldsets, fields, "add another" buttons)
     */
    record Page(String code, String name, String title, List<?> rows) {
    }
}
