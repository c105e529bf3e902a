package org.orderplatform.processing.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.orderplatform.auth.RefreshSessions;
import org.orderplatform.processing.OrderJobs;

/**
 * Rows that have outlived their retention, deleted one bounded batch per transaction: each holds its row locks
 * briefly and writes little, however much there is to purge. Rows another transaction holds are left for the next run.
 */
@ApplicationScoped
public class RetentionPurges {

    @Inject
    RefreshSessions sessions;

    @Inject
    OrderJobs jobs;

    /**
     * Login sessions that ended (expired or revoked) longer than {@code retention} ago; how many (at most
     * {@code limit}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int endedSessions(Duration retention, int limit) {
        return sessions.deleteEndedBefore(retention, limit);
    }

    /** Jobs completed longer than {@code retention} ago (dead letters stay); how many (at most {@code limit}). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int completedJobs(Duration retention, int limit) {
        return jobs.deleteCompletedBefore(retention, limit);
    }
}
