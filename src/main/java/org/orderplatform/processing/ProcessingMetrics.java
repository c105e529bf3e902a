package org.orderplatform.processing;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.platform.db.SchemaReady;

/**
 * Processing's metrics. The counters (processed, failed, retried, replayed, reaped, requeued and given-up jobs) are
 * registered at start-up, so they are on /metrics from the first scrape. The gauges (queue depth, in flight,
 * retrying, age of the oldest queued job, dead letters, outbox backlog and lag) show a snapshot taken every few
 * seconds, so that a scrape never waits for Redis or PostgreSQL; a Redis value that cannot be read shows as -1.
 */
@ApplicationScoped
public class ProcessingMetrics {

    public static final String JOBS_PROCESSED = "order.jobs.processed";
    public static final String JOBS_FAILED = "order.jobs.failed";
    public static final String JOBS_RETRIED = "order.jobs.retried";
    public static final String JOBS_REPLAYED = "order.jobs.replayed";
    public static final String JOBS_REAPED = "order.jobs.reaped";
    public static final String JOBS_REQUEUED = "order.jobs.requeued";
    public static final String JOBS_GIVEN_UP = "order.jobs.given.up";
    /** Redis failures of the workers and the reaper (through RedisOutages). */
    static final String PROCESSING_REDIS_ERRORS = "order.processing.redis.errors";
    private static final long PERIOD_SECONDS = 5;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    QueueStats stats;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    private volatile QueueStats.Snapshot latest = new QueueStats.Snapshot(0L, 0L, 0L, 0, 0, 0, 0.0);
    private ScheduledFuture<?> task;

    static final String[] COUNTERS = {JOBS_PROCESSED, JOBS_FAILED, JOBS_RETRIED, JOBS_REPLAYED, JOBS_REAPED,
        JOBS_REQUEUED, JOBS_GIVEN_UP};

    void start(@Observes SchemaReady ready) {
        for (String counter : COUNTERS) {
            metrics.counter(counter);
        }
        gauge("order.queue.depth", snapshot -> orMinusOne(snapshot.queued()));
        gauge("order.queue.in.flight", snapshot -> orMinusOne(snapshot.inFlight()));
        gauge("order.queue.retrying", snapshot -> orMinusOne(snapshot.retrying()));
        // the age of the job next in line: how long orders wait before a worker takes them (the backlog's age)
        gauge("order.queue.oldest.age.seconds", snapshot -> orMinusOne(snapshot.oldestQueuedAgeSeconds()));
        gauge("order.dead.letters", QueueStats.Snapshot::deadLetters);
        gauge("order.outbox.unpublished", QueueStats.Snapshot::outboxUnpublished);
        gauge("order.outbox.lag.seconds", QueueStats.Snapshot::outboxLagSeconds);
        task = scheduler.scheduleWithFixedDelay(this::sample, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sample() {
        try {
            latest = stats.now();
        } catch (RuntimeException e) {
            log.log(Level.FINE, "Queue gauges not refreshed: " + e.getMessage(), e);
        }
    }

    private void gauge(String name, ToDoubleFunction<QueueStats.Snapshot> value) {
        metrics.gauge(name, this, gauges -> value.applyAsDouble(gauges.latest));
    }

    private static double orMinusOne(Number value) {
        return value == null ? -1 : value.doubleValue();
    }
}
