package org.mash.platform.problem;

import io.vertx.sqlclient.DatabaseException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.HibernateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mash.platform.failure.Failures;

/**
 * A database failure a request ran into. Two people changing the same record at once (a stale version, or a
 * unique key taken by the other) is a {@code 409} problem: one wins, the other reloads and tries again. The database
 * out of reach for a moment is a {@code 503} with {@code Retry-After}. Anything else is a {@code 500} problem, logged;
 * the transaction has rolled back, so nothing is half-written.
 */
public class PersistenceProblems {

    private static final Logger LOG = Logger.getLogger(PersistenceProblems.class);
    static final String UNIQUE_VIOLATION = "23505";

    @ServerExceptionMapper({PersistenceException.class, HibernateException.class, DatabaseException.class})
    public Response persistence(Exception e, UriInfo uri) {
        if (isConcurrentUpdate(e)) {
            return Problem.of(409, "Conflict", "the record was changed by someone else at the same time; "
                    + "reload it and try again", List.of()).at(uri.getPath()).toResponse();
        }
        return unexpected(e, uri);
    }

    /**
     * Anything no other mapper knows. A transient failure (the database restarting, a lost connection: see
     * {@link Failures}) is a {@code 503} with {@code Retry-After}: nothing was changed and the same request will go
     * through in a moment (with an {@code Idempotency-Key}, safely). Anything else is a {@code 500}, logged.
     */
    @ServerExceptionMapper(Exception.class)
    public Response unexpected(Exception e, UriInfo uri) {
        if (Failures.isTransient(e)) {
            LOG.warnf("request to %s failed for now (%s); answered 503", uri.getPath(), Failures.reason(e));
            return Response.fromResponse(Problem.of(503, "Service Unavailable", "the service cannot reach its database for a "
                            + "moment; nothing was changed; send the same request again in a few seconds", List.of())
                    .at(uri.getPath()).toResponse()).header("Retry-After", "2").build();
        }
        LOG.error("request failed", e);
        return Problem.of(500, "Internal Server Error", "the request could not be completed; nothing was changed", List.of())
                .at(uri.getPath()).toResponse();
    }

    /** A lost race with another writer of the same record: a stale version, or a unique key just taken. */
    public static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getSimpleName().equals("StaleObjectStateException")
                    || t instanceof DatabaseException db && UNIQUE_VIOLATION.equals(db.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
