package org.orderplatform.platform.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderplatform.platform.Causes;

/**
 * Everything no other mapper claims. A database that is unreachable, or a transaction that lost a deadlock, is
 * a 503 with Retry-After (nothing was changed; the client may retry); a lost optimistic-lock race is a 409.
 * Anything else is our failure: logged with its stack trace and the request id, answered with a 500 that reveals
 * nothing but that id.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    /** Deadlock and serialization failure: the transaction was rolled back and may simply be retried. */
    static final Set<String> TRANSIENT_CONFLICTS = Set.of("40P01", "40001");

    @Context
    HttpServletRequest request;

    @Inject
    Problems problems;

    @Inject
    Logger log;

    @Override
    public Response toResponse(Throwable exception) {
        Optional<String> state = sqlState(exception);
        if (state.filter(TRANSIENT_CONFLICTS::contains).isPresent()) {
            log.log(Level.WARNING, "Transient database conflict (SQLState " + state.get() + "); client asked to retry");
            return problems.response(PlatformProblem.TRY_AGAIN.exception(
                    "The request collided with another one and was rolled back; nothing changed. Retry it", 1),
                    request);
        }
        if (Causes.find(exception, OptimisticLockException.class).isPresent()) {
            // A safety net: services lock what they change, but a lost race must never be a 500.
            log.log(Level.WARNING, "Concurrent update of " + request.getRequestURI() + "; client told to retry");
            return problems.response(PlatformProblem.CONCURRENT_UPDATE.exception(
                    "The resource was changed by another request meanwhile; nothing changed. Read it again and retry"),
                    request);
        }
        if (state.filter(code -> code.startsWith("08")).isPresent()
                || Causes.find(exception, SQLTransientException.class).isPresent()) {
            log.log(Level.WARNING, "The database is unavailable: " + exception);
            return problems.response(PlatformProblem.DATABASE_UNAVAILABLE.exception(
                    "The database cannot be reached right now; nothing changed. Retry later", 5), request);
        }
        log.log(Level.SEVERE, "Unexpected failure of " + request.getMethod() + " " + request.getRequestURI(),
                exception);
        return problems.response(problems.of(PlatformProblem.INTERNAL_ERROR, Problems.INTERNAL_ERROR_DETAIL, request,
                List.of())).build();
    }

    private static Optional<String> sqlState(Throwable exception) {
        return Causes.chain(exception).filter(SQLException.class::isInstance)
                .map(cause -> ((SQLException) cause).getSQLState()).filter(Objects::nonNull).findFirst();
    }
}
