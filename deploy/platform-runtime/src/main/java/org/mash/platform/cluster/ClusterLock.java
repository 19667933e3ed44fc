package org.mash.platform.cluster;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Work that must happen once across every instance of a service (a rolling deploy, or several replicas): the outbox
 * relay, the overdue watchers, the pruning of old rows. Each run takes a PostgreSQL transaction-level advisory lock
 * in the service's own database; an instance that does not get it skips that run, and the lock goes with the
 * transaction (commit, rollback, or a dropped connection when the instance dies), so another instance takes over at
 * its next run. Keys are {@code (1296126792 = 'MASH', job)}; job 1 is the outbox's commit-order lock, taken by the
 * {@code outbox_event_number_at_commit} trigger.
 */
public enum ClusterLock {
    OUTBOX_RELAY(2),
    RETENTION(3),
    OVERDUE_WATCH(4),
    FIGURE_PUBLISHER(5),
    DEAD_LETTER_GAUGES(6),
    DATA_FLOW_RUN(7);

    static final int NAMESPACE = 1296126792;

    private final int job;

    ClusterLock(int job) {
        this.job = job;
    }

    /**
     * Call inside a transaction: true if this instance now holds the lock until the transaction ends, false if
     * another instance is doing this work right now.
     */
    public Uni<Boolean> tryLock() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + NAMESPACE + ", " + job + ")", Boolean.class)
                .getSingleResult());
    }

    /** Runs {@code work} in the current transaction if this instance gets the lock; else answers {@code otherwise}. */
    public <T> Uni<T> ifHeld(java.util.function.Supplier<Uni<T>> work, T otherwise) {
        return tryLock().chain(held -> held ? work.get() : Uni.createFrom().item(otherwise));
    }
}
