package org.oneseal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** What counts as "the database cannot be reached" (503) and what stays a fault (500) or bad input (400). */
class DatabaseOutageTest {

    @Test
    void connectionFailuresCountHoweverDeepTheyAreWrapped() {
        SQLException refused = new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection", refused))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("pool timed out"))).isTrue();
        // Flowable: FlowableException(PersistenceException(PSQLException)); commit: TransactionSystemException
        assertThat(DatabaseOutage.causedBy(new RuntimeException("engine", new RuntimeException("mybatis",
                new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new TransactionSystemException("commit failed",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // the server went away mid-transaction: the rollback fails on the closed connection, and the failure that
        // started it (the server terminating the connection) is kept aside as the "application exception"
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException(
                "select", new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
        assertThat(DatabaseOutage.causedBy(rollbackFailed)).isTrue();
        TransactionSystemException onlyAside = new TransactionSystemException("rollback failed",
                new IllegalStateException("x"));
        onlyAside.initApplicationException(new SQLException("terminating", "57P01"));
        assertThat(DatabaseOutage.causedBy(onlyAside)).isTrue();
    }

    @Test
    void otherDatabaseErrorsAndBugsDoNot() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
        RuntimeException loop = new RuntimeException("self");
        assertThat(DatabaseOutage.causedBy(new RuntimeException(loop))).isFalse();
    }
}
