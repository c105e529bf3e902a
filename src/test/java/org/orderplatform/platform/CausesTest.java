package org.orderplatform.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void shouldFindTheFirstCauseOfTheTypeHoweverDeepItIsWrapped() {
        SQLException inner = new SQLException("duplicate key", "23505");
        SQLException outer = new SQLException("batch failed", "40001", inner);
        RuntimeException wrapped = new IllegalStateException("rolled back", new RuntimeException(outer));

        assertThat(Causes.find(wrapped, SQLException.class)).containsSame(outer);
        assertThat(Causes.chain(wrapped)).hasSize(4).endsWith(inner);
        assertThat(Causes.find(wrapped, ArithmeticException.class)).isEmpty();
    }

    @Test
    void shouldEndAChainThatLoopsBackOnItself() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(Causes.chain(second)).hasSizeLessThanOrEqualTo(64);
        assertThat(Causes.find(second, IllegalStateException.class)).isEmpty();
    }
}
