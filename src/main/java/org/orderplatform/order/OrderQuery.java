package org.orderplatform.order;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.orderplatform.platform.web.paging.Paging;

/**
 * One list request: whose orders (empty = everybody's, superusers only), which status, created at or before
 * which moment ({@code as_of}: pages stay put while new orders arrive), which page, in which order.
 */
public record OrderQuery(Optional<Long> ownerId, Optional<OrderStatus> status, Optional<OffsetDateTime> asOf,
                         Sort sort, Paging paging) {

    /** Sort orders; every one ends with the id, so that pages never overlap or skip rows with equal keys. */
    public enum Sort {
        CREATED_AT_DESC("created_at,desc", "o.createdAt DESC, o.id DESC"),
        CREATED_AT_ASC("created_at,asc", "o.createdAt ASC, o.id ASC"),
        UPDATED_AT_DESC("updated_at,desc", "o.updatedAt DESC, o.id DESC"),
        UPDATED_AT_ASC("updated_at,asc", "o.updatedAt ASC, o.id ASC"),
        TOTAL_DESC("total,desc", "o.total DESC, o.id DESC"),
        TOTAL_ASC("total,asc", "o.total ASC, o.id ASC");

        private final String wire;
        private final String jpql;

        Sort(String wire, String jpql) {
            this.wire = wire;
            this.jpql = jpql;
        }

        public String wire() {
            return wire;
        }

        String jpql() {
            return jpql;
        }

        public static Optional<Sort> parse(String text) {
            for (Sort sort : values()) {
                if (sort.wire.equalsIgnoreCase(text.replace(" ", ""))) {
                    return Optional.of(sort);
                }
            }
            return Optional.empty();
        }
    }

    /** A key for this query within one owner's cached lists. */
    String cacheKey() {
        return status.map(Enum::name).orElse("ALL") + ":" + sort.wire + ":" + paging.page() + ":" + paging.size();
    }
}
