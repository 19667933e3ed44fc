package org.mash.strategy.rest;

import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hibernate.HibernateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mash.platform.problem.Problem;

/**
 * Two people changing the same discussion at once (e.g. two supersessions of one decision, or a hold while the
 * overdue watch flags the discussion): one wins, the other gets a 409 problem and can reload and try again.
 * Any other persistence failure is a 500 problem.
 */
public class ConcurrentUpdateMapper {

    private static final Logger LOG = Logger.getLogger(ConcurrentUpdateMapper.class);
    static final String UNIQUE_VIOLATION = "23505";

    @ServerExceptionMapper({PersistenceException.class, HibernateException.class, PgException.class})
    public Response persistence(RuntimeException e, UriInfo uri) {
        if (concurrentUpdate(e)) {
            return Problem.of(409, "Conflict", "the discussion was changed by someone else at the same time; "
                    + "reload it and try again", List.of()).at(uri.getPath()).toResponse();
        }
        LOG.error("persistence failure", e);
        return Problem.of(500, "Internal Server Error", "the request could not be stored", List.of())
                .at(uri.getPath()).toResponse();
    }

    static boolean concurrentUpdate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t.getClass().getSimpleName().equals("StaleObjectStateException")
                    || t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
