package org.ggzy.sgw.gateway.storage;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.ggzy.sgw.gateway.web.ProblemException;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolAcquireTimeoutException;

/**
 * Which failures mean "the database did not answer, or refused for a reason of its own" (a lock or statement timeout,
 * a closed or broken connection, I/O, resources): not a fault of the request and nothing stored, so
 * {@code 503} with {@code Retry-After}, never {@code 500}.
 */
public final class StorageErrors {

    /**
     * SQLSTATE classes of such failures: connection (08), transaction rollback (40), insufficient resources (53),
     * object not in prerequisite state, e.g. lock not available (55), operator intervention, e.g. query cancelled by
     * {@code statement_timeout} (57), system error (58), PostgreSQL internal error (XX), H2 general error (HY).
     */
    private static final Set<String> CLASSES = Set.of("08", "40", "53", "55", "57", "58", "XX", "HY");

    /**
     * H2's own codes: lock timeout, I/O, database closed, out of memory, closed at VM shutdown, file corrupted,
     * connection broken.
     */
    private static final Set<String> H2_CODES = Set.of("50200", "90028", "90098", "90108", "90121", "90030", "90067");

    private StorageErrors() {}

    /**
     * Whether the request got no database connection in time (the pool had none free within its acquire time, or the
     * transaction could not begin): the gateway is at capacity, {@code 503 service-unavailable}, and not a failure of
     * the database itself (readiness stays as it is).
     */
    public static boolean busy(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof PoolAcquireTimeoutException
                    || t instanceof PoolAcquirePendingLimitException
                    || (t instanceof R2dbcTimeoutException
                            && t.getMessage() != null
                            && t.getMessage().startsWith("Connection acquisition"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database itself failed the request (and the gateway was not merely {@link #busy}). */
    public static boolean unavailable(Throwable ex) {
        if (busy(ex)) {
            return false;
        }
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException
                    || t instanceof TransientDataAccessException
                    || t instanceof R2dbcTimeoutException
                    || t instanceof R2dbcTransientException
                    || t instanceof R2dbcNonTransientResourceException
                    || t instanceof TimeoutException
                    || (t instanceof R2dbcException r && byState(r))) {
                return true;
            }
        }
        return false;
    }

    /** The answer when the database did not answer in time or refused for a reason of its own. */
    public static ProblemException problem() {
        return ProblemType.STORAGE_UNAVAILABLE
                .exception("The database did not answer in time or refused for a reason of its own; the transaction "
                        + "was rolled back and nothing was stored. Send the request again after Retry-After seconds.")
                .header(HttpHeaders.RETRY_AFTER, "2");
    }

    private static boolean byState(R2dbcException e) {
        String state = e.getSqlState();
        if (state != null && state.length() >= 2 && CLASSES.contains(state.substring(0, 2))) {
            return true;
        }
        return H2_CODES.contains(Integer.toString(e.getErrorCode())) || (state != null && H2_CODES.contains(state));
    }
}
