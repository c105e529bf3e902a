package org.orderplatform.order;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CDI event fired inside the transaction that changes an order's status ({@code from} is null for a new order).
 * Synchronous observers take part in that transaction (the processing outbox is written this way); observers
 * {@code during = AFTER_SUCCESS} see only committed changes (live status, relay wake-up).
 */
public record OrderStatusChanged(UUID orderId, OrderStatus from, OrderStatus to, String reason,
                                 OffsetDateTime changedAt, long version) {

    /** The change just made to {@code order}, which must have been flushed (its version is the new one). */
    static OrderStatusChanged of(Order order, OrderStatus from) {
        return new OrderStatusChanged(order.id(), from, order.status(), order.statusReason(),
                order.updatedAt(), order.version());
    }

    public boolean isNewOrder() {
        return from == null;
    }
}
