/**
 * Dossiers (hồ sơ): intake online and at the counter, boundary-free routing to the competent agency,
 * the reception decision (accept with a code and an appointment, ask once for what is missing, or
 * refuse), receipt slips, tracking, and the append-only history of every dossier.
 */
package vn.motcua.dossier;
