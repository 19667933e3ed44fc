package org.mash.metrics.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether any fact changed since the figures were last computed for publishing, so an idle service does not
 * recompute them every interval. Consumers mark a change once the event's transaction has committed.
 */
@ApplicationScoped
public class FactChanges {

    private final AtomicBoolean changed = new AtomicBoolean(true);

    public void changed() {
        changed.set(true);
    }

    /** Whether anything changed since the last {@link #take()}; keeps the mark. */
    boolean pending() {
        return changed.get();
    }

    /** Whether anything changed since the last call; clears the mark. */
    boolean take() {
        return changed.getAndSet(false);
    }
}
