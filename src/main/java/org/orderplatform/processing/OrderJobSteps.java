package org.orderplatform.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.orderplatform.order.OrderStatus;
import org.orderplatform.order.OrderStatusChanged;
import org.orderplatform.order.OrderTransitions;
import org.orderplatform.platform.db.DatabaseClock;

/**
 * The transactions of order processing: each step changes the job (PostgreSQL) and its order together, so a crash
 * between two steps leaves both where a new delivery of the job picks them up.
 */
@ApplicationScoped
public class OrderJobSteps {

    @Inject
    OrderJobs jobs;

    @Inject
    OrderTransitions transitions;

    @Inject
    OrderQueue queue;

    @Inject
    ProcessingSettings settings;

    /** What taking a job led to. */
    public sealed interface Claim {
        /** The job is this worker's to process; its order is PROCESSING. */
        record Claimed(OrderJob job) implements Claim {
        }

        /** Nothing (more) to do: the job is done, dead, gone, or its order no longer needs processing. */
        record Finished() implements Claim {
        }

        /** Another worker holds a live claim on the job, until the given time. */
        record Busy(OffsetDateTime until) implements Claim {
        }
    }

    /** The outbox: a job for every new order, in the transaction that places the order. */
    void addJobForNewOrder(@Observes OrderStatusChanged change) {
        if (change.isNewOrder()) {
            jobs.add(change.orderId());
        }
    }

    /**
     * Publishes the oldest unpublished jobs to the queue and marks them published, in one transaction: if Redis
     * refuses, nothing is marked; if the commit fails after the push, the jobs are pushed again later (a duplicate
     * delivery, which processing ignores). The number of jobs published.
     */
    @Transactional
    public List<Long> relayBatch(int limit) {
        List<Long> ids = jobs.lockUnpublished(limit);
        if (!ids.isEmpty()) {
            queue.push(ids);
            jobs.markPublished(ids);
        }
        return ids;
    }

    @Transactional
    public Claim begin(long jobId, String worker) {
        Optional<OrderJob> job = jobs.find(jobId).filter(found -> found.state() == OrderJob.State.OPEN);
        if (job.isEmpty()) {
            return new Claim.Finished();
        }
        if (!jobs.claim(jobId, worker, settings.lease())) {
            return jobs.claimedUntil(jobId).<Claim>map(Claim.Busy::new).orElseGet(Claim.Finished::new);
        }
        Optional<OrderStatus> status = transitions.startProcessing(job.get().orderId());
        if (status.filter(OrderStatus.PROCESSING::equals).isEmpty()) {
            jobs.finish(jobId, OrderJob.State.DONE);
            return new Claim.Finished();
        }
        return new Claim.Claimed(job.get());
    }

    /** Completes the job's order (or fails it, if it no longer validates); its status afterwards. */
    @Transactional
    public Optional<OrderStatus> complete(OrderJob job) {
        Optional<OrderStatus> status = transitions.complete(job.orderId());
        jobs.finish(job.id(), OrderJob.State.DONE);
        return status;
    }

    /**
     * Records a failed attempt. After the last one the order becomes FAILED and the job a dead letter (true);
     * otherwise the job will be retried (false) and its order stays PROCESSING.
     */
    @Transactional
    public boolean recordFailure(OrderJob job, String error) {
        int attempts = jobs.recordFailure(job.id(), error);
        if (attempts < settings.maxAttempts()) {
            return false;
        }
        transitions.fail(job.orderId(), "processing failed after " + attempts + " attempts: " + error);
        jobs.finish(job.id(), OrderJob.State.DEAD);
        return true;
    }

    /**
     * A stuck job goes back to the outbox - or, if its order is older than {@code GIVE_UP_ORDER_AFTER_HOURS}, the
     * order fails and the job becomes a dead letter. True if the job was requeued.
     */
    @Transactional
    public boolean reconcile(OrderJobs.StuckJob stuck) {
        if (stuck.orderCreatedAt().isBefore(DatabaseClock.now().minus(settings.giveUpAfter()))) {
            String reason = "not processed within " + settings.giveUpAfter().toHours() + " hours";
            transitions.fail(stuck.orderId(), reason);
            jobs.bury(stuck.jobId(), reason);
            return false;
        }
        jobs.unpublish(stuck.jobId());
        return true;
    }

    /** A dead letter back into the outbox and its order back to PENDING; false if there is no such dead letter. */
    @Transactional
    public boolean replay(long jobId) {
        Optional<OrderJob> job = jobs.find(jobId).filter(found -> found.state() == OrderJob.State.DEAD);
        if (job.isEmpty() || !jobs.revive(jobId)) {
            return false;
        }
        transitions.reopen(job.get().orderId(), "replayed from the dead letters");
        return true;
    }
}
