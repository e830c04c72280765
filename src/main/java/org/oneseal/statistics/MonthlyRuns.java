package org.oneseal.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs a dashboard's months side by side (each month's figures are independent queries): at most {@link #PARALLEL}
 * at a time per request, and {@link #PARALLEL} × requests connections at most, well within the pool. The months'
 * queries read committed data outside the caller's transaction, each consistent in itself.
 */
final class MonthlyRuns {

    static final int PARALLEL = 4;

    private MonthlyRuns() {
    }

    static <T> List<T> all(List<Callable<T>> tasks) {
        Semaphore places = new Semaphore(PARALLEL);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>(tasks.size());
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    places.acquire();
                    try {
                        return task.call();
                    } finally {
                        places.release();
                    }
                }));
            }
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the months", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
