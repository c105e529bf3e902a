package org.orderplatform.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisException;

/** How much work is waiting, where: the admin API's queue view and the queue gauges on /metrics. */
@ApplicationScoped
public class QueueStats {

    @Inject
    OrderQueue queue;

    @Inject
    OrderJobs jobs;

    /**
     * The counts. The Redis ones are null while Redis is unreachable. {@code oldest_queued_age_seconds}: how long
     * ago the job next in line was put on the queue.
     */
    public record Snapshot(Long queued, Long inFlight, Long retrying, long deadLetters, long outboxUnpublished,
                           double outboxLagSeconds, Double oldestQueuedAgeSeconds) {
    }

    @Transactional
    public Snapshot now() {
        Optional<OrderQueue.Depth> depth;
        try {
            depth = Optional.of(queue.depth());
        } catch (JedisException e) {
            depth = Optional.empty();
        }
        Double oldestAge = depth.map(redis -> redis.oldestQueued().flatMap(jobs::secondsSincePublished).orElse(0.0))
                .orElse(null);
        return new Snapshot(depth.map(OrderQueue.Depth::queued).orElse(null),
                depth.map(OrderQueue.Depth::inFlight).orElse(null),
                depth.map(OrderQueue.Depth::retrying).orElse(null),
                jobs.countDeadLetters(), jobs.countUnpublished(), jobs.outboxLagSeconds(), oldestAge);
    }
}
