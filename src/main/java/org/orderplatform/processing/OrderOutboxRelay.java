package org.orderplatform.processing;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.order.OrderStatus;
import org.orderplatform.order.OrderStatusChanged;
import org.orderplatform.platform.db.SchemaReady;
import org.orderplatform.platform.redis.RedisOutages;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Moves committed outbox rows onto the Redis queue, in batches of {@code RELAY_BATCH_SIZE}, on replicas whose
 * {@code APP_ROLE} serves the API. It wakes as soon as an order placed here commits, and every
 * {@code RELAY_INTERVAL_MS} anyway (orders placed on other replicas, jobs put back by reconciliation or replay).
 * While Redis is down the jobs simply wait in the outbox.
 */
@ApplicationScoped
public class OrderOutboxRelay {

    static final String FEATURE = "the outbox relay";
    /** Named in server.xml too (Prometheus buckets): ServerXmlMetricNamesTest keeps the two the same. */
    public static final String RELAY_BATCH_SIZE = "order.relay.batch.size";

    /** Threads of their own for loops that run until the application stops (see server.xml). */
    @Resource(lookup = "concurrent/orderProcessingThreads")
    ManagedThreadFactory threads;

    @Inject
    ProcessingSettings settings;

    @Inject
    OrderJobSteps steps;

    @Inject
    MetricRegistry metrics;

    @Inject
    RedisOutages outages;

    @Inject
    Logger log;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;

    void start(@Observes SchemaReady ready) {
        if (settings.role().relays()) {
            running = true;
            threads.newThread(this::relay).start();
        }
    }

    /** An order placed (or replayed) here has committed: its job is in the outbox now. */
    void orderPending(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderStatusChanged change) {
        if (change.to() == OrderStatus.PENDING) {
            wakeUp.release();
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        wakeUp.release();
    }

    private void relay() {
        while (running) {
            try {
                relayAll();
                outages.succeeded(FEATURE);
            } catch (JedisException e) {
                outages.failed(FEATURE, "order.relay.redis.errors", "jobs wait in the outbox", e);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "The outbox relay failed; it tries again: " + e.getMessage(), e);
            }
            try {
                wakeUp.tryAcquire(settings.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void relayAll() {
        List<Long> batch;
        do {
            batch = steps.relayBatch(settings.relayBatchSize());
            if (!batch.isEmpty()) {
                metrics.histogram(RELAY_BATCH_SIZE).update(batch.size());
            }
        } while (batch.size() == settings.relayBatchSize() && running);
    }
}
