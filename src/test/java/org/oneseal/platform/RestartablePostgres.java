package org.oneseal.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * An embedded PostgreSQL of a test's own (stopping it disturbs no other test), which the test can stop and start
 * again on the same data directory and port, as an operator restarts the database server.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    RestartablePostgres() throws IOException {
        this.dataDir = Files.createTempDirectory("oneseal-cluster-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    void stop() throws IOException {
        server.close();
        server = null;
    }

    void start() throws IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false)
                .setPort(port).setRegisterShutdownHook(false).setServerConfig("timezone", "UTC").start();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stop();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }
}
