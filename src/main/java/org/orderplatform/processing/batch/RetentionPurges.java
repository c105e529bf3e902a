package org.orderplatform.processing.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.orderplatform.processing.OrderJobs;

/**
 * Rows that have outlived their retention, deleted one bounded batch per transaction: each holds its row locks
 * briefly and writes little, however much there is to purge. Rows another transaction holds are left for the next run.
 */
@ApplicationScoped
public class RetentionPurges {

    @PersistenceContext(unitName = "orderPlatform")
    EntityManager em;

    @Inject
    OrderJobs jobs;

    /**
     * Login sessions that expired or were revoked longer than {@code retention} ago; how many (at most {@code limit}).
     * Nothing refers to such a session any more: its refresh tokens are refused, its access tokens long expired.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int endedSessions(Duration retention, int limit) {
        double seconds = retention.toSeconds();
        return em.createNativeQuery("DELETE FROM refresh_token_families WHERE id IN (SELECT id FROM "
                        + "refresh_token_families WHERE expires_at < now() - make_interval(secs => ?) "
                        + "OR revoked_at < now() - make_interval(secs => ?) LIMIT ? FOR UPDATE SKIP LOCKED)")
                .setParameter(1, seconds).setParameter(2, seconds).setParameter(3, limit).executeUpdate();
    }

    /** Jobs completed longer than {@code retention} ago (dead letters stay); how many (at most {@code limit}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int completedJobs(Duration retention, int limit) {
        return jobs.deleteCompletedBefore(retention, limit);
    }
}
