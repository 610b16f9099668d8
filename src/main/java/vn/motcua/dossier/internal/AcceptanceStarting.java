package vn.motcua.dossier.internal;

import java.time.Instant;
import java.util.UUID;

/** Reception is accepting the dossier (same transaction): processing opens its steps now. Internal to the module. */
record AcceptanceStarting(UUID dossierId, Instant at, String by, String byName) {
}
