package org.orderplatform.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Races clients against each other: each on a thread of its own, all released by one latch once every thread is
 * ready, so that their requests really overlap on the server.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /** What client number {@code client} (0 to clients - 1) does. */
    public interface Client<T> {
        T call(int client) throws Exception;
    }

    /** Runs {@code clients} clients at once; their results, in client order. */
    public static <T> List<T> run(int clients, Client<T> client) throws Exception {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int number = i;
                results.add(pool.submit((Callable<T>) () -> {
                    ready.countDown();
                    start.await();
                    return client.call(number);
                }));
            }
            ready.await();
            start.countDown();
            List<T> values = new ArrayList<>();
            for (Future<T> result : results) {
                values.add(result.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }
}
