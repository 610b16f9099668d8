package vn.motcua.catalogue;

/** A search or list entry. {@code level} is the published level text (e.g. "Cấp xã"). */
public record ProcedureSummary(String code, String name, String field, String level, boolean detailed) {
}
