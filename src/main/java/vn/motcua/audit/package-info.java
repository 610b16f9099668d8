/**
 * Tamper-evident audit trail: the dossier history ({@code dossier_event}) and the access log ({@code access_log}) are
 * hash-chained per day by a background sealer, each day's root goes to an append-only table, and a verifier
 * recomputes the chains and names the first row that does not match ({@code GET /api/v1/audit/verify}, or the
 * command line {@code --motcua.audit.verify=FROM..TO}). Low in the house: it depends on no other module's types and
 * reads the chained tables by name (see {@code audit.internal.Chain}).
 */
package vn.motcua.audit;
