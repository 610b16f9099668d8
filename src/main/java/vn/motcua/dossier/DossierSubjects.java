package vn.motcua.dossier;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Other dossiers about the same subject as a given one (the same child registered twice), found by the blind indexes
 * of the subject's values ({@link vn.motcua.dossier.spi.SubjectKeys}): the form is encrypted at rest, SQL cannot
 * look inside it.
 */
public interface DossierSubjects {

    /**
     * Dossiers of the same procedure, other than {@code dossierId} and not refused, stopped or drafts, with the same
     * values (normalised: case, spaces, dots and hyphens aside) for some kind of subject; newest first.
     */
    List<Match> sameSubject(UUID dossierId, int limit);

    record Match(UUID id, String code, String receiptNumber, DossierState state, Instant receivedAt) {
    }
}
