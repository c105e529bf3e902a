package org.orderplatform.order;

import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where an order is in its life, and the one place that knows the rules about it: which statuses exist, which moves
 * between them are allowed (a status none leaves is final: COMPLETED, CANCELLED), and what the API may still do to
 * an order in each. Everything else asks: {@link Order#moveTo} refuses a move not listed here,
 * {@link OrderTransitions} and {@link OrderService} check before they change an order, and SQL that needs a list of
 * statuses builds it with {@link #sqlList}.
 *
 * <p>Adding a status: a constant with its moves here, and a new migration that widens the {@code orders_status_known}
 * CHECK constraint (never an edit of a released changeset; {@code OrderStatusSchemaTest} fails until both agree).
 */
public enum OrderStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

    /**
     * Whether an order may go from this status to {@code next}. FAILED → PENDING is an administrator replaying a
     * dead letter; a switch without default, so that a new status does not compile until its moves are decided.
     */
    public boolean mayMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == PROCESSING || next == FAILED || next == CANCELLED;
            case PROCESSING -> next == COMPLETED || next == FAILED;
            case FAILED -> next == PENDING;
            case COMPLETED, CANCELLED -> false;
        };
    }

    /** Processing still has work to do: its job takes PENDING orders up and finishes PROCESSING ones. */
    public boolean awaitsProcessing() {
        return this == PENDING || this == PROCESSING;
    }

    /** The owner (or a superuser) may still replace the order's content: nobody has started on it. */
    boolean isEditable() {
        return this == PENDING;
    }

    boolean isCancellable() {
        return mayMoveTo(CANCELLED);
    }

    /** Not while a worker holds the order: deleting it would pull the order from under a running job. */
    boolean isDeletable() {
        return this != PROCESSING;
    }

    /** The statuses {@code which} accepts as an SQL list of literals, in declaration order: {@code 'A', 'B'}. */
    public static String sqlList(Predicate<OrderStatus> which) {
        return Arrays.stream(values()).filter(which).map(status -> "'" + status.name() + "'")
                .collect(Collectors.joining(", "));
    }
}
