package org.orderplatform.processing;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderplatform.platform.db.SchemaReady;
import org.orderplatform.platform.redis.RedisConnections;
import org.orderplatform.platform.redis.RedisOutages;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code WORKER_CONCURRENCY} workers (on replicas whose {@code APP_ROLE} runs workers), each on a managed thread of
 * its own with its own blocking Redis connection, taking one job at a time. On stop they take no new job; the jobs
 * they are working on get {@code WORKER_SHUTDOWN_GRACE_SECONDS} to finish, then go back to the queue. (When the
 * server interrupts the workers first, as Liberty may while it stops, the job goes back to the queue at once.)
 */
@ApplicationScoped
public class ProcessingWorkerPool {

    static final String FEATURE = "order processing";
    private static final Duration TAKE_WAIT = Duration.ofSeconds(1);
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);

    /** Threads of their own for loops that run until the application stops (see server.xml). */
    @Resource(lookup = "concurrent/orderProcessingThreads")
    ManagedThreadFactory threads;

    @Inject
    ProcessingSettings settings;

    @Inject
    OrderQueue queue;

    @Inject
    OrderProcessor processor;

    @Inject
    RedisConnections connections;

    @Inject
    RedisOutages outages;

    @Inject
    Logger log;

    private volatile boolean running;
    private CountDownLatch stopped = new CountDownLatch(0);
    /** Worker name → the job it is working on. */
    private final Map<String, Long> working = new ConcurrentHashMap<>();

    void start(@Observes SchemaReady ready) {
        if (!settings.role().works()) {
            return;
        }
        int count = settings.workerConcurrency();
        running = true;
        stopped = new CountDownLatch(count);
        String replica = ReplicaName.get();
        for (int i = 1; i <= count; i++) {
            String worker = replica + "/worker-" + i;
            threads.newThread(() -> work(worker)).start();
        }
        log.info("Started " + count + " order processing workers on " + replica);
    }

    @PreDestroy
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            if (!stopped.await(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                working.forEach((worker, job) -> {
                    queue.giveBack(job);
                    log.warning(worker + " did not finish job " + job + " in time; it is back in the queue");
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JedisException e) {
            log.log(Level.WARNING, "Could not give jobs back; their leases will run out instead", e);
        }
    }

    private void work(String worker) {
        try {
            while (running && !Thread.currentThread().isInterrupted()) {
                try (Jedis connection = connections.open(worker, TAKE_WAIT.plusSeconds(5))) {
                    takeJobs(worker, connection);
                } catch (JedisException e) {
                    outages.failed(FEATURE, ProcessingMetrics.PROCESSING_REDIS_ERRORS, "workers wait for Redis", e);
                    Thread.sleep(RECONNECT_DELAY.toMillis());
                } catch (RuntimeException e) {
                    log.log(Level.WARNING, worker + " failed and starts over: " + e.getMessage(), e);
                    Thread.sleep(RECONNECT_DELAY.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    private void takeJobs(String worker, Jedis connection) throws InterruptedException {
        while (running && !Thread.currentThread().isInterrupted()) {
            Optional<Long> job = queue.take(connection, TAKE_WAIT);
            outages.succeeded(FEATURE);
            if (job.isPresent()) {
                working.put(worker, job.get());
                try {
                    processor.process(job.get(), worker);
                } catch (InterruptedException e) {
                    // the server is stopping and did not wait: hand the job on rather than keep it in flight
                    queue.giveBack(job.get());
                    throw e;
                } catch (RuntimeException e) {
                    // PostgreSQL or Redis failed mid-job: the job stays in flight and is delivered again
                    log.log(Level.WARNING, worker + " could not process job " + job.get() + ": " + e.getMessage(), e);
                    Thread.sleep(RECONNECT_DELAY.toMillis());
                } finally {
                    working.remove(worker);
                }
            }
        }
    }
}
