package vn.motcua.territory;

import java.time.LocalDate;

/** A unit whose territory (or part of it) passed to another one on {@code effective}. */
public record Predecessor(AdministrativeUnit unit, Share share, LineageKind kind, LocalDate effective,
                          String legalBasis) {
}
