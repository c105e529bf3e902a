package org.orderplatform.processing;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One processing job as PostgreSQL records it (the {@code order_jobs} row). */
public record OrderJob(long id, UUID orderId, State state, int attempts, int deliveries, String lastError,
                       OffsetDateTime createdAt, OffsetDateTime publishedAt, OffsetDateTime finishedAt) {

    /** OPEN until processed (DONE) or given up after the last attempt (DEAD: the dead-letter set). */
    public enum State {
        OPEN, DONE, DEAD
    }
}
