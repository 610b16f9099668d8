package vn.motcua.audit;

import java.util.function.Supplier;

/**
 * Holds the audit sealing off on every node sharing the database while start-up work rewrites rows it has just written
 * and shown to no one yet (the demo data backdating its history): the rows are chained as they end up, not as they were
 * a moment before. A node that starts beside one still loading its demo data would otherwise chain those rows before
 * they are backdated, and the verifier would rightly find them changed. Not for ordinary writes: the history is
 * append-only and the chain proves it.
 */
public interface SealingHold {

    /** Runs {@code work} while no node seals; sealing resumes when it returns or throws, or when this node dies. */
    <T> T during(Supplier<T> work);
}
