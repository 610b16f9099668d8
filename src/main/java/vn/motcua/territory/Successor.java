package vn.motcua.territory;

import java.time.LocalDate;

/** A unit that took over (part of) another one's territory on {@code effective}. */
public record Successor(AdministrativeUnit unit, Share share, LineageKind kind, LocalDate effective,
                        String legalBasis) {
}
