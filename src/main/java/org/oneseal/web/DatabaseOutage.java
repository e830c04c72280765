package org.oneseal.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether an exception means "the database cannot be reached right now" (restart, failover, network) rather
 * than a fault of the request or the code. Looks through the causes, because Spring Session, Spring Security,
 * Flowable ({@code FlowableException} around MyBatis around the driver's exception) and Spring's transaction
 * commit ({@code TransactionSystemException}) each wrap it in something of their own.
 */
final class DatabaseOutage {

    private static final int MAX_DEPTH = 30;

    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable exception) {
        Throwable t = exception;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (isOutage(t)) {
                return true;
            }
            // a rollback that failed because the connection died keeps the first failure aside, not as its cause
            if (t instanceof org.springframework.transaction.TransactionSystemException tse
                    && tse.getApplicationException() != null && tse.getApplicationException() != exception
                    && causedBy(tse.getApplicationException())) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
    }

    private static boolean isOutage(Throwable t) {
        return t instanceof DataAccessResourceFailureException // e.g. CannotGetJdbcConnectionException
                || t instanceof TransientDataAccessResourceException
                || t instanceof RecoverableDataAccessException
                || t instanceof CannotCreateTransactionException // no connection for the transaction
                || t instanceof SQLTransientConnectionException // Hikari: no connection within connection-timeout
                || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && isConnectionState(sql.getSQLState())
                // Hikari's proxy of a connection the pool already closed (the server went away mid-transaction)
                || t instanceof SQLException closed && closed.getSQLState() == null
                        && "Connection is closed".equals(closed.getMessage());
    }

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, closed), 57P01..57P03 (the server is shutting
     * down or starting up) and 53300 (too many connections).
     */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300"));
    }
}
