package org.orderplatform.processing;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of {@code base * 2^(n-1)}, capped at
 * {@code max}. The jitter spreads out retries of jobs that failed together (a fulfilment outage), so they do not
 * all come back at once.
 */
public record RetryBackoff(Duration base, Duration max) {

    public Duration delayBefore(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1");
        }
        long exponential = base.toMillis() << Math.min(retry - 1, 30);
        long ceiling = Math.min(exponential <= 0 ? Long.MAX_VALUE : exponential, max.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + random.nextLong(ceiling - half + 1));
    }
}
