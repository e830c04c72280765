package org.oneseal.approval;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * A cluster-wide lock around the startup deployment: a PostgreSQL session advisory lock on a connection of its
 * own, so nodes starting together deploy one after the other (the second then finds every file unchanged), and a
 * node that dies while holding it releases it with its connection.
 */
@Component
class DeploymentLock {

    /** Arbitrary but fixed: "OSAP" (OneSeal approval) and "deploy". */
    private static final int NAMESPACE = 0x4F534150;
    private static final int DEPLOYMENT = 1;

    private final DataSource dataSource;

    DeploymentLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T whileHeld(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            call(connection, "select pg_advisory_lock(?, ?)");
            try {
                return work.get();
            } finally {
                call(connection, "select pg_advisory_unlock(?, ?)");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Process deployment lock failed", e);
        }
    }

    private static void call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, NAMESPACE);
            statement.setInt(2, DEPLOYMENT);
            statement.execute();
        }
    }
}
