package org.orderplatform.order;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One status an order took: from what (absent for its creation), why, and when. */
public record OrderHistoryEntry(OrderStatus fromStatus, OrderStatus toStatus, String reason,
                                OffsetDateTime changedAt) {

    /** An order's history as the API shows it. */
    public record History(UUID orderId, List<OrderHistoryEntry> items) {
    }
}
