package vn.motcua.dossier.spi;

import java.util.List;

import vn.motcua.dossier.ResultReturned;

/**
 * Where a returned result is kept for its applicant (the wallet module's data store, which stamps and signs it).
 * Called after the return commits, in the delivery's own transaction, at most once per dossier that commits: the
 * delivery's mark on the result is cleared in the same transaction. Without an implementation nothing is delivered.
 */
public interface ResultStore {

    /** Keeps the result (or decides it is not for the store: a counter dossier, a refusal); must join the caller's transaction. */
    void keep(ResultReturned result);

    /** Keeps several results in the caller's one transaction (the delivery groups the results waiting). */
    default void keepAll(List<ResultReturned> results) {
        results.forEach(this::keep);
    }
}
