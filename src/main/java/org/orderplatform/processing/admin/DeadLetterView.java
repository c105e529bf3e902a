package org.orderplatform.processing.admin;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.orderplatform.processing.OrderJob;

/** A job that failed its last attempt: {@code id} is what replay takes. */
public record DeadLetterView(long id, UUID orderId, int attempts, String error, OffsetDateTime createdAt,
                             OffsetDateTime failedAt) {

    static DeadLetterView of(OrderJob job) {
        return new DeadLetterView(job.id(), job.orderId(), job.attempts(), job.lastError(), job.createdAt(),
                job.finishedAt());
    }
}
