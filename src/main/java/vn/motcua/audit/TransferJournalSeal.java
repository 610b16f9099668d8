package vn.motcua.audit;

import java.util.UUID;

/**
 * The audit chain over the journal of a reorganisation's transfers: a batch whose journal rows are the history of its
 * transfers seals them with one link, in its own transaction, after recording itself as done.
 */
public interface TransferJournalSeal {

    /**
     * Links batch {@code batchNo} of plan {@code plan} (its row in {@code dossier_transfer_batch} and its journal rows)
     * to the journal's chain. Must run inside the batch's transaction: the link commits or rolls back with it.
     *
     * @return the rows the link covers
     */
    int seal(UUID plan, int batchNo);
}
