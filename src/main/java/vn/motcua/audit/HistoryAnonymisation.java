package vn.motcua.audit;

import java.util.UUID;

/**
 * A documented exception to "history is never rewritten": the anonymisation of a dossier's chained history when its
 * retention period has ended. The personal parts of its {@code dossier_event} rows are replaced in the caller's
 * transaction, and the change is recorded as a re-seal (append-only: which rows, why, the reference — the retention
 * run —, when, by whom) so that the verifier reports those rows as re-sealed rather than broken; the links and the
 * days' roots stay as they were sealed. A row changed in any other way is still found.
 */
public interface HistoryAnonymisation {

    /** Shown where the citizen's name was in the history. */
    String ANONYMOUS = "Đã ẩn danh";

    /**
     * Anonymises the history of one dossier: the free text ({@code reason}) and details ({@code data}) of every event,
     * and the actor's account and name on the events the citizen did themselves ({@code actor = citizenAccount});
     * officers' names stay (accountability). Refuses (IllegalStateException, nothing changed) when a sealed row no
     * longer matches its seal: a tampered history must be investigated, not laundered by a re-seal.
     *
     * @param citizenAccount the account that submitted the dossier, or null
     * @param reason         why, e.g. RETENTION
     * @param reference      what decided it, e.g. the retention run's id
     * @param by             who asked
     */
    Resealed anonymiseDossierHistory(UUID dossierId, String citizenAccount, String reason, String reference, String by);

    /**
     * What was recorded: the re-seal's id (null when no sealed row changed), the sealed rows re-sealed, and the rows
     * changed in all (unsealed rows are sealed later as they are now).
     */
    record Resealed(Long id, int sealedRows, int changedRows) {
    }
}
