package vn.motcua.platform.cluster;

/**
 * Tells every node sharing the database that something it caches has changed (a published catalogue version, a
 * territory change, an account disabled or its password changed), so each clears its copy within a second instead of
 * waiting for an expiry. The implementation is {@link PostgresSignals} (LISTEN/NOTIFY); {@link #NONE} is for code
 * tested without a database.
 */
public interface ClusterSignals {

    /** Runs {@code handler} on this node whenever a node (this one included) announces {@code topic}. */
    void on(String topic, Runnable handler);

    /**
     * Announces {@code topic} to every node: delivered when the current transaction commits (never if it rolls back),
     * at once without one.
     */
    void announce(String topic);

    /** Signals this node has received since it started. */
    long received();

    /** One node and no database: nothing to tell. */
    ClusterSignals NONE = new ClusterSignals() {
        @Override
        public void on(String topic, Runnable handler) {
        }

        @Override
        public void announce(String topic) {
        }

        @Override
        public long received() {
            return 0;
        }
    };
}
