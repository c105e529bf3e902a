package org.orderplatform.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.order.OrderStatus;
import org.orderplatform.platform.db.PostgresTimestamps;
import org.orderplatform.platform.metrics.Stopwatch;

/**
 * Processes one job taken from the queue: claim it and move its order to PROCESSING, fulfil it, complete it, and
 * only then acknowledge it. A failed fulfilment is retried with backoff until the last attempt, then the order
 * fails and the job becomes a dead letter. Anything else going wrong (PostgreSQL or Redis unreachable) leaves the
 * job in flight: its lease runs out and it is delivered again.
 */
@ApplicationScoped
public class OrderProcessor {

    static final Duration BUSY_MARGIN = Duration.ofSeconds(1);
    /** Named in server.xml too (Prometheus buckets): ServerXmlMetricNamesTest keeps the two the same. */
    public static final String PROCESSING_DURATION = "order.processing.duration";
    public static final String COMPLETION_LATENCY = "order.completion.latency";

    @Inject
    OrderJobSteps steps;

    @Inject
    OrderQueue queue;

    @Inject
    FulfilmentSimulator fulfilment;

    @Inject
    ProcessingSettings settings;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    public void process(long jobId, String worker) throws InterruptedException {
        OrderJobSteps.Claim claim = steps.begin(jobId, worker);
        if (claim instanceof OrderJobSteps.Claim.Busy busy) {
            // a duplicate delivery while another worker works on it: look again when that claim has ended
            queue.retryAt(jobId, busy.until().plus(BUSY_MARGIN).toInstant());
            return;
        }
        if (!(claim instanceof OrderJobSteps.Claim.Claimed claimed)) {
            queue.acknowledge(jobId);
            return;
        }
        OrderJob job = claimed.job();
        Stopwatch stopwatch = Stopwatch.start();
        try {
            fulfilment.fulfil(job.orderId());
        } catch (FulfilmentSimulator.FulfilmentFailed failure) {
            handleFailure(job, worker, failure.getMessage());
            return;
        } catch (InterruptedException stopping) {
            steps.handBack(jobId, worker);
            throw stopping;
        }
        Optional<OrderStatus> status;
        try {
            status = steps.complete(job, worker);
        } catch (OrderJobSteps.ClaimLost lost) {
            letGo(job, lost);
            return;
        }
        queue.acknowledge(jobId);
        metrics.timer(PROCESSING_DURATION).update(stopwatch.elapsed());
        if (status.filter(OrderStatus.COMPLETED::equals).isPresent()) {
            metrics.counter(ProcessingMetrics.JOBS_PROCESSED).inc();
            metrics.timer(COMPLETION_LATENCY)
                    .update(Duration.between(job.createdAt(), PostgresTimestamps.now()));
        } else {
            metrics.counter(ProcessingMetrics.JOBS_FAILED).inc();
        }
    }

    /** Another worker has taken the job over (this one outlived its lease): it decides; this one lets go. */
    private void letGo(OrderJob job, OrderJobSteps.ClaimLost lost) {
        queue.acknowledge(job.id());
        log.warning("Job " + job.id() + " (order " + job.orderId() + "): " + lost.getMessage()
                + "; this worker's result is discarded");
    }

    private void handleFailure(OrderJob job, String worker, String error) {
        boolean dead;
        try {
            dead = steps.recordFailure(job, worker, error);
        } catch (OrderJobSteps.ClaimLost lost) {
            letGo(job, lost);
            return;
        }
        if (dead) {
            queue.acknowledge(job.id());
            metrics.counter(ProcessingMetrics.JOBS_FAILED).inc();
            log.warning("Order " + job.orderId() + " failed; job " + job.id() + " is a dead letter: " + error);
            return;
        }
        int retry = job.attempts() + 1;
        Duration delay = settings.backoff().delayBefore(retry, ThreadLocalRandom.current());
        queue.retryAt(job.id(), PostgresTimestamps.now().plus(delay).toInstant());
        metrics.counter(ProcessingMetrics.JOBS_RETRIED).inc();
        log.info("Job " + job.id() + " (order " + job.orderId() + ") failed, retry " + retry + " in "
                + delay.toMillis() + " ms: " + error);
    }
}
