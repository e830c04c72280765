package org.oneseal.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves pending entries ({@code audit_pending}, written by each business transaction with its data) into
 * the chain, many per chain transaction. One thread per node does the passes, on a connection of its own
 * (so that requests waiting for a pass while they hold pool connections can never starve it); the chain
 * lock serialises the passes of all nodes, and any node's pass chains every node's pending entries.
 *
 * <p>A writer that has committed entries calls {@link #awaitChained}: it waits for the next pass that starts
 * after its call — that pass sees the writer's committed rows (or finds them chained already) — so what a
 * request wrote is in the chain when its response leaves, while concurrent requests share passes. Besides,
 * a pass runs every {@code oneseal.audit.chain-interval} (entries left by a node that stopped between its
 * commit and a pass) and at start.
 */
@Component
class AuditChainer implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

    /** Entries chained per chain transaction at most (a longer backlog takes several). */
    static final int BATCH = 5000;

    private final DataSource mainDataSource;
    private final Duration interval;
    private final Duration maxWait;
    private final Object monitor = new Object();

    private HikariDataSource ownPool;
    private AuditEntryStore store;
    private TransactionTemplate transaction;
    private Thread thread;
    private volatile boolean running;

    /** Number of the last pass that began; of the last that completed; the highest a waiter needs. */
    private long started;
    private long finished;
    private long wanted;
    private long chainedTotal;

    AuditChainer(DataSource dataSource, AuditEntryStore migrated,
            @Value("${oneseal.audit.chain-interval:5s}") Duration interval,
            @Value("${oneseal.audit.chain-max-wait:10s}") Duration maxWait) {
        // the store parameter only orders this bean after the schema migration (the store needs the database)
        this.mainDataSource = dataSource;
        this.interval = interval;
        this.maxWait = maxWait;
    }

    @Override
    public void afterPropertiesSet() {
        DataSource chainSource = mainDataSource;
        if (mainDataSource instanceof HikariDataSource hikari) {
            HikariConfig config = new HikariConfig();
            hikari.copyStateTo(config);
            config.setPoolName("oneseal-audit-chainer");
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setInitializationFailTimeout(-1); // start even while the database is away; passes retry
            config.setMetricRegistry(null);
            config.setHealthCheckRegistry(null);
            config.setMetricsTrackerFactory(null);
            ownPool = new HikariDataSource(config);
            chainSource = ownPool;
        } else {
            log.warn("the data source is not Hikari: the audit chainer shares it (size its pool with room for it)");
        }
        store = new AuditEntryStore(JdbcClient.create(chainSource));
        transaction = new TransactionTemplate(new DataSourceTransactionManager(chainSource));
        running = true;
        wanted = 1; // a first pass at start: entries a stopped node left behind
        thread = Thread.ofPlatform().daemon().name("audit-chainer").start(this::loop);
    }

    @Override
    public void destroy() {
        running = false;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /**
     * Waits until a pass that starts after this call has completed, i.e. until every entry committed before
     * the call is chained. Gives up after {@code oneseal.audit.chain-max-wait} (the database is away): the
     * entries stay pending, durable, and are chained by a later pass.
     *
     * @return whether they are chained
     */
    boolean awaitChained() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (monitor) {
            long need = started + 1;
            if (wanted < need) {
                wanted = need;
                monitor.notifyAll();
            }
            while (finished < need && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    log.warn("audit entries not chained within {}: they stay pending and are chained later", maxWait);
                    return false;
                }
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return finished >= need;
        }
    }

    /** Entries this node has chained since it started (for tests and logs). */
    long chainedTotal() {
        synchronized (monitor) {
            return chainedTotal;
        }
    }

    private void loop() {
        while (running) {
            long pass;
            synchronized (monitor) {
                long idleUntil = System.nanoTime() + interval.toNanos();
                while (running && wanted <= finished && System.nanoTime() < idleUntil) {
                    try {
                        monitor.wait(Math.max(1, (idleUntil - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (!running) {
                    return;
                }
                pass = ++started;
            }
            try {
                int chained = 0;
                int batch;
                do {
                    batch = transaction.execute(status -> chainBatch());
                    chained += batch;
                } while (batch == BATCH && running);
                if (batch == BATCH) { // stopped with a backlog left: this pass did not chain everything
                    return;
                }
                synchronized (monitor) {
                    finished = pass;
                    chainedTotal += chained;
                    monitor.notifyAll();
                }
            } catch (RuntimeException | Error e) {
                log.warn("audit chain pass failed, retrying in 1 s: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** One chain transaction: lock, head, the oldest pending entries appended and removed; the commit frees the lock. */
    private int chainBatch() {
        store.lockChain();
        List<AuditEntryStore.PendingEntry> pending = store.pendingBatch(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        AuditHead head = store.head().orElseGet(AuditHead::empty);
        long seq = head.seq();
        String prev = head.hash();
        List<StoredEntry> entries = new ArrayList<>(pending.size());
        List<Long> ids = new ArrayList<>(pending.size());
        for (AuditEntryStore.PendingEntry p : pending) {
            StoredEntry e = p.entry();
            StoredEntry entry = new StoredEntry(++seq, e.occurredAt(), e.actor(), e.actingFor(), e.action(),
                    e.objectType(), e.objectId(), e.outcome(), e.reason(), e.regionId(), e.clientIp(), prev, null)
                    .sealed();
            entries.add(entry);
            ids.add(p.id());
            prev = entry.hash();
        }
        store.insertAll(entries);
        store.deletePending(ids);
        return pending.size();
    }
}
