package org.orderplatform.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.orderplatform.order.OrderStatus;
import org.orderplatform.platform.db.PostgresTimestamps;

/** The {@code order_jobs} table: the outbox, the claims workers hold, and the dead-letter set. */
@ApplicationScoped
public class OrderJobs {

    private static final String COLUMNS = "id, order_id, state, attempts, deliveries, last_error, created_at, "
            + "published_at, finished_at";

    /** The statuses whose orders' open jobs may be stuck, as SQL literals (see {@link #stuck}). */
    private static final String AWAITING_PROCESSING = OrderStatus.sqlList(OrderStatus::awaitsProcessing);

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    public void add(UUID orderId) {
        em.createNativeQuery("INSERT INTO order_jobs (order_id) VALUES (?)").setParameter(1, orderId).executeUpdate();
    }

    public Optional<OrderJob> find(long id) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM order_jobs WHERE id = ?").setParameter(1, id))
                .stream().findFirst();
    }

    /** The oldest committed, unpublished jobs - locked, skipping those another replica is relaying right now. */
    public List<Long> lockUnpublished(int limit) {
        return ids(em.createNativeQuery("SELECT id FROM order_jobs WHERE published_at IS NULL AND state = 'OPEN' "
                + "ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED").setParameter(1, limit));
    }

    public void markPublished(List<Long> ids) {
        em.createNativeQuery("UPDATE order_jobs SET published_at = now() WHERE id IN (" + idList(ids) + ")")
                .executeUpdate();
    }

    /** Puts a job back in the outbox: the relay will publish it again. */
    public void unpublish(long id) {
        em.createNativeQuery("UPDATE order_jobs SET published_at = NULL WHERE id = ? AND state = 'OPEN'")
                .setParameter(1, id).executeUpdate();
    }

    /** Claims an open job that nobody else holds a live claim on; false otherwise. */
    public boolean claim(long id, String worker, Duration lease) {
        return em.createNativeQuery("UPDATE order_jobs SET deliveries = deliveries + 1, claimed_by = ?, "
                        + "claimed_until = now() + make_interval(secs => ?) WHERE id = ? AND state = 'OPEN' "
                        + "AND (claimed_until IS NULL OR claimed_until < now())")
                .setParameter(1, worker).setParameter(2, (double) lease.toSeconds()).setParameter(3, id)
                .executeUpdate() == 1;
    }

    /** When the live claim on a job ends (empty: none). */
    public Optional<OffsetDateTime> claimedUntil(long id) {
        List<?> rows = em.createNativeQuery("SELECT claimed_until FROM order_jobs WHERE id = ? "
                + "AND claimed_until > now()").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(PostgresTimestamps::fromColumn);
    }

    /**
     * Ends an open job the worker still holds the claim on; false if the claim has passed to another worker (the
     * caller must then not commit). claimed_by stays, as the record of the worker that finished it.
     */
    public boolean finish(long id, String worker, OrderJob.State state) {
        return em.createNativeQuery("UPDATE order_jobs SET state = ?, finished_at = now(), claimed_until = NULL "
                        + "WHERE id = ? AND state = 'OPEN' AND claimed_by = ?")
                .setParameter(1, state.name()).setParameter(2, id).setParameter(3, worker).executeUpdate() == 1;
    }

    /**
     * Counts a failed attempt of the worker holding the claim and ends the claim; the number of attempts so far,
     * or empty if the claim has passed to another worker.
     */
    public OptionalInt recordFailure(long id, String worker, String error) {
        List<?> attempts = em.createNativeQuery("UPDATE order_jobs SET attempts = attempts + 1, last_error = ?, "
                        + "published_at = now(), claimed_until = NULL WHERE id = ? AND state = 'OPEN' "
                        + "AND claimed_by = ? RETURNING attempts")
                .setParameter(1, error).setParameter(2, id).setParameter(3, worker).getResultList();
        return attempts.isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(((Number) attempts.get(0)).intValue());
    }

    /** Ends the worker's claim early (it handed the job back): the next delivery need not wait for it. */
    public void release(long id, String worker) {
        em.createNativeQuery("UPDATE order_jobs SET claimed_until = NULL WHERE id = ? AND state = 'OPEN' "
                + "AND claimed_by = ?").setParameter(1, id).setParameter(2, worker).executeUpdate();
    }

    /** A dead letter back to an open job with no attempts, in the outbox again. */
    public boolean revive(long id) {
        return em.createNativeQuery("UPDATE order_jobs SET state = 'OPEN', attempts = 0, published_at = NULL, "
                + "finished_at = NULL WHERE id = ? AND state = 'DEAD'").setParameter(1, id).executeUpdate() == 1;
    }

    public List<OrderJob> deadLetters(int offset, int limit) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM order_jobs WHERE state = 'DEAD' "
                + "ORDER BY finished_at DESC, id DESC OFFSET ? LIMIT ?")
                .setParameter(1, offset).setParameter(2, limit));
    }

    public long countDeadLetters() {
        return count("SELECT count(*) FROM order_jobs WHERE state = 'DEAD'");
    }

    public long countUnpublished() {
        return count("SELECT count(*) FROM order_jobs WHERE published_at IS NULL AND state = 'OPEN'");
    }

    /** Seconds the oldest unpublished job has waited for the relay (0 when there is none): the outbox lag. */
    public double outboxLagSeconds() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0) "
                + "FROM order_jobs WHERE published_at IS NULL AND state = 'OPEN'").getSingleResult()).doubleValue();
    }

    /** Seconds since the job was last put on the queue (empty for an unknown or unpublished job). */
    public Optional<Double> secondsSincePublished(long id) {
        List<?> rows = em.createNativeQuery("SELECT EXTRACT(EPOCH FROM now() - published_at) FROM order_jobs "
                + "WHERE id = ? AND published_at IS NOT NULL").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(value -> ((Number) value).doubleValue());
    }

    /** An open job whose order processing should have finished by now. */
    public record StuckJob(long jobId, UUID orderId, OffsetDateTime orderCreatedAt) implements Serializable {
    }

    /**
     * Open jobs of orders that still {@link OrderStatus#awaitsProcessing await processing}, published longer than
     * {@code stuckAfter} ago and claimed by no live worker: lost with Redis's data, or waiting behind a backlog
     * longer than expected.
     */
    @SuppressWarnings("unchecked")
    public List<StuckJob> stuck(Duration stuckAfter, int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT j.id, o.id, o.created_at FROM order_jobs j "
                        + "JOIN orders o ON o.id = j.order_id WHERE j.state = 'OPEN' "
                        + "AND o.status IN (" + AWAITING_PROCESSING + ") "
                        + "AND j.published_at < now() - make_interval(secs => ?) "
                        + "AND (j.claimed_until IS NULL OR j.claimed_until < now()) ORDER BY j.id LIMIT ?")
                .setParameter(1, (double) stuckAfter.toSeconds()).setParameter(2, limit)
                .getResultList();
        return rows.stream().map(row -> new StuckJob(((Number) row[0]).longValue(),
                UUID.fromString(row[1].toString()), PostgresTimestamps.fromColumn(row[2]))).toList();
    }

    /** Locks the job if it is still stuck (see {@link #stuck}); false if it is not any more. */
    public boolean lockIfStuck(long id, Duration stuckAfter) {
        return !em.createNativeQuery("SELECT id FROM order_jobs WHERE id = ? AND state = 'OPEN' "
                        + "AND published_at < now() - make_interval(secs => ?) "
                        + "AND (claimed_until IS NULL OR claimed_until < now()) FOR UPDATE")
                .setParameter(1, id).setParameter(2, (double) stuckAfter.toSeconds()).getResultList().isEmpty();
    }

    /** Gives an open job up: it becomes a dead letter with this error. */
    public void bury(long id, String error) {
        em.createNativeQuery("UPDATE order_jobs SET state = 'DEAD', last_error = ?, finished_at = now(), "
                + "claimed_until = NULL WHERE id = ? AND state = 'OPEN'").setParameter(1, error).setParameter(2, id)
                .executeUpdate();
    }

    /** Deletes up to {@code limit} jobs completed longer than {@code age} ago (never dead letters); how many. */
    public int deleteCompletedBefore(Duration age, int limit) {
        return em.createNativeQuery("DELETE FROM order_jobs WHERE id IN (SELECT id FROM order_jobs "
                        + "WHERE state = 'DONE' AND finished_at < now() - make_interval(secs => ?) LIMIT ? "
                        + "FOR UPDATE SKIP LOCKED)")
                .setParameter(1, (double) age.toSeconds()).setParameter(2, limit).executeUpdate();
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private static String idList(List<Long> ids) {
        return ids.stream().map(id -> Long.toString(id)).collect(Collectors.joining(", "));
    }

    private static List<Long> ids(Query query) {
        return query.getResultList().stream().map(value -> ((Number) value).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<OrderJob> rows(Query query) {
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new OrderJob(((Number) row[0]).longValue(), UUID.fromString(row[1].toString()),
                        OrderJob.State.valueOf(row[2].toString()), ((Number) row[3]).intValue(),
                        ((Number) row[4]).intValue(), (String) row[5], PostgresTimestamps.fromColumn(row[6]),
                        PostgresTimestamps.fromColumn(row[7]), PostgresTimestamps.fromColumn(row[8])))
                .toList();
    }
}
