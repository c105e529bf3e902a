package org.orderplatform.processing;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.platform.db.SchemaReady;
import org.orderplatform.platform.redis.RedisOutages;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Every second, on replicas that run workers: returns in-flight jobs whose lease ended (a worker died or hangs) to
 * the queue, and moves retries whose backoff has passed onto it. Several replicas doing this at once is safe: each
 * move is one atomic Lua script.
 */
@ApplicationScoped
public class QueueMaintenance {

    static final String FEATURE = "the queue reaper";
    private static final int PROMOTE_LIMIT = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ProcessingSettings settings;

    @Inject
    OrderQueue queue;

    @Inject
    MetricRegistry metrics;

    @Inject
    RedisOutages outages;

    @Inject
    Logger log;

    private ScheduledFuture<?> task;

    void start(@Observes SchemaReady ready) {
        if (settings.role().works()) {
            task = scheduler.scheduleWithFixedDelay(this::maintain, 1, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void maintain() {
        try {
            long reaped = queue.reapExpired();
            if (reaped > 0) {
                metrics.counter(ProcessingMetrics.JOBS_REAPED).inc(reaped);
                log.warning(reaped + " in-flight jobs outlived their lease and are back in the queue");
            }
            queue.promoteDueRetries(PROMOTE_LIMIT);
            outages.succeeded(FEATURE);
        } catch (JedisException e) {
            outages.failed(FEATURE, ProcessingMetrics.PROCESSING_REDIS_ERRORS, "expired leases and retries wait", e);
        }
    }
}
