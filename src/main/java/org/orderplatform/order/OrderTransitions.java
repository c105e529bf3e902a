package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The status changes order processing makes. The caller first locks the order with {@link #lock}; each change then
 * applies only where {@link OrderStatus#mayMoveTo} allows it and otherwise leaves the order alone, so repeating a
 * step - a job delivered twice, a worker killed half-way and its job run again - changes nothing the second time.
 * Each method returns the order's status afterwards and joins the caller's transaction.
 */
@ApplicationScoped
public class OrderTransitions {

    @Inject
    OrderRepository orders;

    @Inject
    Event<OrderStatusChanged> changes;

    /**
     * Locks the order, after its owner, for the rest of the transaction (empty if it no longer exists). Processing
     * takes this lock before touching the order's job, in the same order as the API's changes and deletions
     * (owner, order, then the job through the cascade), so the two never deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Order> lock(UUID id) {
        return orders.lockAfterOwner(id);
    }

    /** PENDING → PROCESSING. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderStatus startProcessing(Order locked) {
        if (locked.status().mayMoveTo(OrderStatus.PROCESSING)) {
            move(locked, OrderStatus.PROCESSING, null);
        }
        return locked.status();
    }

    /**
     * PROCESSING → COMPLETED with the total re-computed from the lines; an order whose lines no longer add up to
     * a valid order (none left, or a total that differs from what the customer was shown) becomes FAILED instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderStatus complete(Order locked) {
        if (locked.status().mayMoveTo(OrderStatus.COMPLETED)) {
            Optional<String> invalid = invalidity(locked);
            if (invalid.isPresent()) {
                move(locked, OrderStatus.FAILED, invalid.get());
            } else {
                locked.complete(locked.linesTotal());
                fire(locked, OrderStatus.PROCESSING);
            }
        }
        return locked.status();
    }

    /** PENDING or PROCESSING → FAILED, with the reason the customer will see. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderStatus fail(Order locked, String reason) {
        if (locked.status().mayMoveTo(OrderStatus.FAILED)) {
            move(locked, OrderStatus.FAILED, reason);
        }
        return locked.status();
    }

    /** FAILED → PENDING, for a replayed dead letter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OrderStatus reopen(Order locked, String reason) {
        if (locked.status().mayMoveTo(OrderStatus.PENDING)) {
            move(locked, OrderStatus.PENDING, reason);
        }
        return locked.status();
    }

    private void move(Order order, OrderStatus to, String reason) {
        OrderStatus from = order.status();
        order.moveTo(to, reason);
        fire(order, from);
    }

    /** Flushed first, so that the event carries the order's new version. */
    private void fire(Order order, OrderStatus from) {
        orders.flush();
        changes.fire(OrderStatusChanged.of(order, from));
    }

    private static Optional<String> invalidity(Order order) {
        if (order.lines().isEmpty()) {
            return Optional.of("the order has no items");
        }
        BigDecimal total = order.linesTotal();
        if (total.compareTo(order.total()) != 0) {
            return Optional.of("the items add up to " + OrderView.money(total) + ", not the " + order.total()
                    + " " + order.currency() + " shown when ordering");
        }
        return Optional.empty();
    }
}
