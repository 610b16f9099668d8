/**
 * Service-quality indicators of Decision 766/QĐ-TTg (on time, online submission, satisfaction, apology letters, …)
 * per agency, commune-level unit and province, comparable across a reorganisation through the territory's lineage.
 * Computed from the dossier module's tables (read-only SQL in {@code internal.IndicatorQueries}, see
 * docs/indicators.md); public as open data under {@code /api/v1/indicators}.
 */
package vn.motcua.reporting;
