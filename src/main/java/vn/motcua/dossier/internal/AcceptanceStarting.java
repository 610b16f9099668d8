package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.Map;

import vn.motcua.dossier.Dossier;

/**
 * Reception is accepting the dossier (same transaction): processing opens its steps now. Internal to the module.
 *
 * @param dossier    the dossier as reception locked it (still SUBMITTED; it has no steps)
 * @param processing its processing time, read with the lock
 * @param set        the columns the acceptance is about to update: processing adds its process snapshot
 */
record AcceptanceStarting(Dossier dossier, DossierStore.Processing processing, Instant at, String by, String byName,
                          Map<String, Object> set) {
}
