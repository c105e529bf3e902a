package org.orderplatform.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.orderplatform.order.Order;
import org.orderplatform.order.OrderStatus;
import org.orderplatform.order.OrderStatusChanged;
import org.orderplatform.order.OrderTransitions;
import org.orderplatform.platform.db.PostgresTimestamps;

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

    /**
     * Thrown when a worker's claim on a job has passed to another worker (its lease ran out while it worked): its
     * transaction rolls back, so only the worker that holds the claim changes the order.
     */
    public static class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLost(long jobId) {
            super("the claim on job " + jobId + " has passed to another worker");
        }
    }

    /** Claims the job and moves its order to PROCESSING (owner, order, then job: the API's lock order). */
    @Transactional
    public Claim begin(long jobId, String worker) {
        Optional<OrderJob> job = jobs.find(jobId).filter(found -> found.state() == OrderJob.State.OPEN);
        if (job.isEmpty()) {
            return new Claim.Finished();
        }
        Optional<Order> order = transitions.lock(job.get().orderId());
        if (!jobs.claim(jobId, worker, settings.lease())) {
            return jobs.claimedUntil(jobId).<Claim>map(Claim.Busy::new).orElseGet(Claim.Finished::new);
        }
        if (order.isEmpty() || transitions.startProcessing(order.get()) != OrderStatus.PROCESSING) {
            jobs.finish(jobId, worker, OrderJob.State.DONE);
            return new Claim.Finished();
        }
        return new Claim.Claimed(job.get());
    }

    /** Completes the job's order (or fails it, if it no longer validates); its status afterwards. */
    @Transactional
    public Optional<OrderStatus> complete(OrderJob job, String worker) {
        Optional<Order> order = transitions.lock(job.orderId());
        if (!jobs.finish(job.id(), worker, OrderJob.State.DONE)) {
            throw new ClaimLost(job.id());
        }
        return order.map(transitions::complete);
    }

    /**
     * Records a failed attempt. After the last one the order becomes FAILED and the job a dead letter (true);
     * otherwise the job will be retried (false) and its order stays PROCESSING.
     */
    @Transactional
    public boolean recordFailure(OrderJob job, String worker, String error) {
        Optional<Order> order = transitions.lock(job.orderId());
        int attempts = jobs.recordFailure(job.id(), worker, error).orElseThrow(() -> new ClaimLost(job.id()));
        if (attempts < settings.maxAttempts()) {
            return false;
        }
        jobs.finish(job.id(), worker, OrderJob.State.DEAD);
        order.ifPresent(locked -> transitions.fail(locked, "processing failed after " + attempts + " attempts: "
                + error));
        return true;
    }

    /** The worker gives a job back unfinished (it is stopping): the next delivery need not wait for its claim. */
    @Transactional
    public void handBack(long jobId, String worker) {
        jobs.release(jobId, worker);
    }

    /**
     * A job that is still stuck goes back to the outbox - or, if its order is older than
     * {@code GIVE_UP_ORDER_AFTER_HOURS}, the order fails and the job becomes a dead letter.
     */
    @Transactional
    public Reconciled reconcile(OrderJobs.StuckJob stuck) {
        Optional<Order> order = transitions.lock(stuck.orderId());
        if (order.isEmpty() || !jobs.lockIfStuck(stuck.jobId(), settings.stuckAfter())) {
            return Reconciled.NO_LONGER_STUCK;
        }
        if (stuck.orderCreatedAt().isBefore(PostgresTimestamps.now().minus(settings.giveUpAfter()))) {
            String reason = "not processed within " + settings.giveUpAfter().toHours() + " hours";
            jobs.bury(stuck.jobId(), reason);
            transitions.fail(order.get(), reason);
            return Reconciled.GIVEN_UP;
        }
        jobs.unpublish(stuck.jobId());
        return Reconciled.REQUEUED;
    }

    /** What reconciling a stuck job did. */
    public enum Reconciled {
        REQUEUED, GIVEN_UP, NO_LONGER_STUCK
    }

    /** A dead letter back into the outbox and its order back to PENDING; false if there is no such dead letter. */
    @Transactional
    public boolean replay(long jobId) {
        Optional<OrderJob> job = jobs.find(jobId).filter(found -> found.state() == OrderJob.State.DEAD);
        if (job.isEmpty()) {
            return false;
        }
        Optional<Order> order = transitions.lock(job.get().orderId());
        if (order.isEmpty() || !jobs.revive(jobId)) {
            return false;
        }
        transitions.reopen(order.get(), "replayed from the dead letters");
        return true;
    }
}
