package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(1000), Duration.ofMillis(60_000));

    @Test
    void shouldWaitBetweenHalfAndAllOfTheDoubledDelay() {
        Random random = new Random(42);
        for (int retry = 1; retry <= 6; retry++) {
            long ceiling = 1000L << (retry - 1);
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delayBefore(retry, random).toMillis()).as("retry " + retry)
                        .isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void shouldNeverWaitLongerThanTheMaximum() {
        Random random = new Random(7);
        for (int retry : new int[] {7, 10, 40, 1000}) {
            assertThat(backoff.delayBefore(retry, random)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
    }

    @Test
    void shouldSpreadRetriesThatFailedTogether() {
        Random random = new Random(1);
        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            delays.add(backoff.delayBefore(3, random).toMillis());
        }
        assertThat(delays).hasSizeGreaterThan(40);
    }

    @Test
    void shouldRefuseRetryZero() {
        assertThatThrownBy(() -> backoff.delayBefore(0, new Random())).isInstanceOf(IllegalArgumentException.class);
    }
}
