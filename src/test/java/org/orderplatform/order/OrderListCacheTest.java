package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orderplatform.platform.web.paging.Paging;

/** Which list pages may take one of a user's few cache slots. */
class OrderListCacheTest {

    @ParameterizedTest
    @CsvSource({"1, 10", "1, 20", "2, 50", "3, 100"})
    void shouldCacheTheFirstPagesAtTheUsualSizes(int page, int size) {
        assertThat(OrderListCache.isWorthCaching(list(page, size, Optional.empty()))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"4, 20", "100, 10", "1, 5", "1, 21", "2, 99"})
    void shouldReadLaterPagesAndUnusualSizesFromTheDatabase(int page, int size) {
        assertThat(OrderListCache.isWorthCaching(list(page, size, Optional.empty()))).isFalse();
    }

    @Test
    void shouldNeverCacheASnapshotAsOfAMoment() {
        // the cache key leaves as_of out: a cached snapshot would be served as the live list, and the reverse
        assertThat(OrderListCache.isWorthCaching(list(1, 20, Optional.of(OffsetDateTime.parse(
                "2026-11-25T12:00:00Z"))))).isFalse();
    }

    private static OrderQuery list(int page, int size, Optional<OffsetDateTime> asOf) {
        return new OrderQuery(Optional.of(7L), Optional.empty(), asOf, OrderQuery.Sort.CREATED_AT_DESC,
                new Paging(page, size));
    }
}
