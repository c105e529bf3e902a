package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.platform.web.paging.Paging;

/** The sort orders of {@code GET /api/orders?sort=} and the cache key of one list request. */
class OrderQueryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "created_at,desc | CREATED_AT_DESC",
        "created_at,asc  | CREATED_AT_ASC",
        "updated_at,desc | UPDATED_AT_DESC",
        "updated_at,asc  | UPDATED_AT_ASC",
        "total,desc      | TOTAL_DESC",
        "total,asc       | TOTAL_ASC",
        "TOTAL,Asc       | TOTAL_ASC",
        "'created_at, desc' | CREATED_AT_DESC",
        "' total , asc '    | TOTAL_ASC"})
    void shouldReadEverySortWhateverItsCaseAndSpaces(String text, OrderQuery.Sort sort) {
        assertThat(OrderQuery.Sort.parse(text)).contains(sort);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name,asc", "id,desc", "created_at", "created_at,up", "desc", "created_at;desc",
        "created_at,desc,total,asc", "", "o.total DESC, o.id DESC"})
    void shouldRejectSortOnAnUnknownFieldOrDirection(String text) {
        assertThat(OrderQuery.Sort.parse(text)).isEmpty();
    }

    @Test
    void shouldBreakTiesByIdSoThatPagesNeverOverlapOrSkipOrders() {
        for (OrderQuery.Sort sort : OrderQuery.Sort.values()) {
            String direction = sort.wire().endsWith("desc") ? "DESC" : "ASC";
            assertThat(sort.jpql()).as(sort.name()).endsWith(", o.id " + direction);
        }
    }

    @Test
    void shouldKeepDifferentListsOfOneUserApartInTheCache() {
        Set<String> keys = new HashSet<>();
        for (Optional<OrderStatus> status : Set.of(Optional.<OrderStatus>empty(), Optional.of(OrderStatus.PENDING),
                Optional.of(OrderStatus.COMPLETED))) {
            for (OrderQuery.Sort sort : OrderQuery.Sort.values()) {
                for (Paging paging : Set.of(new Paging(1, 20), new Paging(2, 20), new Paging(1, 10))) {
                    keys.add(query(status, sort, paging).cacheKey());
                }
            }
        }

        assertThat(keys).hasSize(3 * OrderQuery.Sort.values().length * 3);
    }

    @Test
    void shouldGiveTheSameListTheSameCacheKey() {
        assertThat(query(Optional.of(OrderStatus.FAILED), OrderQuery.Sort.TOTAL_ASC, new Paging(2, 50)).cacheKey())
                .isEqualTo(query(Optional.of(OrderStatus.FAILED), OrderQuery.Sort.TOTAL_ASC, new Paging(2, 50))
                        .cacheKey());
    }

    private static OrderQuery query(Optional<OrderStatus> status, OrderQuery.Sort sort, Paging paging) {
        return new OrderQuery(Optional.of(7L), status, Optional.empty(), sort, paging);
    }
}
