package vn.motcua.reporting.internal;

import java.time.LocalDate;

/**
 * An agency code whose dossiers count, with the dates during which the agency carrying that code is the one meant
 * ({@code [from, to)}, null = unbounded): a dossier counts when it is held by {@code code} and the day it started
 * being held there (its {@code agency_since}, else its receipt) falls in the window. The window separates two
 * agencies that carried the same code in two periods (old UBND-26737 Đa Kao, new UBND-26737 Tân Định).
 */
public record Holder(String code, LocalDate from, LocalDate to) {

    /** The same selection with the windows of each code merged where they overlap or touch: one row per dossier. */
    public static java.util.List<Holder> merge(java.util.Collection<Holder> holders) {
        java.util.Map<String, java.util.List<Holder>> byCode = new java.util.TreeMap<>();
        for (Holder h : holders) {
            byCode.computeIfAbsent(h.code(), k -> new java.util.ArrayList<>()).add(h);
        }
        java.util.List<Holder> out = new java.util.ArrayList<>();
        for (java.util.List<Holder> list : byCode.values()) {
            list.sort(java.util.Comparator.comparing(Holder::from, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
            Holder cur = null;
            for (Holder h : list) {
                if (cur == null) {
                    cur = h;
                } else if (cur.to() == null || (h.from() != null && !h.from().isAfter(cur.to()))
                        || h.from() == null) {
                    LocalDate to = cur.to() == null || h.to() == null ? null : (h.to().isAfter(cur.to()) ? h.to() : cur.to());
                    cur = new Holder(cur.code(), cur.from(), to);
                } else {
                    out.add(cur);
                    cur = h;
                }
            }
            out.add(cur);
        }
        return out;
    }
}
