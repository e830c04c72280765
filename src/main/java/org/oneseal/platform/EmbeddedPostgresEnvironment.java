package org.oneseal.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL 17 when no {@code spring.datasource.url} is configured and points the
 * data source at it. With an external URL (e.g. {@code SPRING_DATASOURCE_URL}) nothing is started.
 *
 * <p>{@code oneseal.embedded-postgres.data-dir} names the data directory (default {@code ./data/postgres},
 * kept between runs); an empty value gives a fresh temporary directory (used by the tests; tests that need
 * a database of their own name a different {@code oneseal.embedded-postgres.instance}). One server is
 * started per directory and JVM and reused by every application context of that JVM.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "onesealEmbeddedPostgres";
    private static final Map<String, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();
    private static final String TEMPORARY = "<temporary>";
    private static final AtomicInteger OPEN_CONTEXTS = new AtomicInteger();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
                || !env.getProperty("oneseal.embedded-postgres.enabled", Boolean.class, true)) {
            return;
        }
        String dir = env.getProperty("oneseal.embedded-postgres.data-dir", "./data/postgres");
        String key = StringUtils.hasText(dir) ? new File(dir).getAbsolutePath()
                : TEMPORARY + env.getProperty("oneseal.embedded-postgres.instance", "");
        int port = env.getProperty("oneseal.embedded-postgres.port", Integer.class, 0);
        EmbeddedPostgres pg = SERVERS.computeIfAbsent(key, k -> start(k, port));
        OPEN_CONTEXTS.incrementAndGet();
        application.addListeners(new ContextClosedCounter());
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, Map.of(
                "spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "oneseal.embedded-postgres.running", "true")));
    }

    private static EmbeddedPostgres start(String key, int port) {
        try {
            boolean temporary = key.startsWith(TEMPORARY);
            Path dir = temporary ? Files.createTempDirectory("oneseal-pg") : Path.of(key);
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(temporary)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterContexts(pg), "embedded-postgres-stop"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + key
                    + " (is another OneSeal running on the same data directory?)", e);
        }
    }

    /** Spring closes its contexts in shutdown hooks of their own: PostgreSQL goes down after them. */
    private static void stopAfterContexts(EmbeddedPostgres pg) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (OPEN_CONTEXTS.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is going down; PostgreSQL stops with its parent anyway
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static final class ContextClosedCounter implements ApplicationListener<ContextClosedEvent> {
        @Override
        public void onApplicationEvent(ContextClosedEvent event) {
            if (event.getApplicationContext().getParent() == null) {
                OPEN_CONTEXTS.decrementAndGet();
            }
        }
    }
}
