package vn.motcua.reporting.internal;

import java.time.LocalDate;

/**
 * An agency code whose dossiers count, with the dates during which the agency carrying that code is the one meant
 * ({@code [from, to)}, null = unbounded): a dossier counts when it is held by {@code code} and the day it started
 * being held there (its {@code agency_since}, else its receipt) falls in the window. The window separates two
 * agencies that carried the same code in two periods (old UBND-26737 Đa Kao, new UBND-26737 Tân Định).
 */
public record Holder(String code, LocalDate from, LocalDate to) {
}
