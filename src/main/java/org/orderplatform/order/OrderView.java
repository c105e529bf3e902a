package org.orderplatform.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An order as the API shows it. Money is a decimal string with two places ("12.50"), never a binary float.
 */
public record OrderView(UUID id, long ownerId, List<Line> items, String total, String currency, String notes,
                        OrderStatus status, String statusReason, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                        long version) {

    public record Line(String sku, String name, int quantity, String unitPrice, String lineTotal) {
    }

    public static OrderView of(Order order) {
        List<Line> lines = order.lines().stream()
                .map(line -> new Line(line.sku(), line.name(), line.quantity(), money(line.unitPrice()),
                        money(line.lineTotal())))
                .toList();
        return new OrderView(order.id(), order.ownerId(), lines, money(order.total()), order.currency(),
                order.notes(), order.status(), order.statusReason(), order.createdAt(), order.updatedAt(),
                order.version());
    }

    static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
