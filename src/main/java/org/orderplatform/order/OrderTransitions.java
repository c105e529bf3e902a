package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;

/**
 * The status changes order processing makes. Each one locks the order (after its owner, as every order change
 * does), changes it only from the status it expects, and otherwise leaves it alone: repeating a step - a job
 * delivered twice, a worker killed half-way and its job run again - changes nothing the second time. Each method
 * returns the order's status afterwards (empty if the order no longer exists) and joins the caller's transaction.
 */
@ApplicationScoped
public class OrderTransitions {

    @Inject
    OrderRepository orders;

    @Inject
    Event<OrderStatusChanged> changes;

    /**
     * Locks the order, after its owner, for the rest of the transaction; its status (empty if it no longer
     * exists). Processing takes this lock before touching the order's job, in the same order as the API's
     * changes and deletions (owner, order, then the job through the cascade), so the two never deadlock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderStatus> lock(UUID id) {
        return lockOrder(id).map(Order::status);
    }

    /** PENDING → PROCESSING. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderStatus> startProcessing(UUID id) {
        return lockOrder(id).map(order -> {
            if (order.status() == OrderStatus.PENDING) {
                move(order, OrderStatus.PROCESSING, null);
            }
            return order.status();
        });
    }

    /**
     * PROCESSING → COMPLETED with the total re-computed from the lines; an order whose lines no longer add up to
     * a valid order (none left, or a total that differs from what the customer was shown) becomes FAILED instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderStatus> complete(UUID id) {
        return lockOrder(id).map(order -> {
            if (order.status() == OrderStatus.PROCESSING) {
                Optional<String> invalid = invalidity(order);
                if (invalid.isPresent()) {
                    move(order, OrderStatus.FAILED, invalid.get());
                } else {
                    OrderStatus from = order.status();
                    order.complete(order.linesTotal());
                    fire(order, from);
                }
            }
            return order.status();
        });
    }

    /** PENDING or PROCESSING → FAILED, with the reason the customer will see. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderStatus> fail(UUID id, String reason) {
        return lockOrder(id).map(order -> {
            if (order.status() == OrderStatus.PENDING || order.status() == OrderStatus.PROCESSING) {
                move(order, OrderStatus.FAILED, reason);
            }
            return order.status();
        });
    }

    /** FAILED → PENDING, for a replayed dead letter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<OrderStatus> reopen(UUID id, String reason) {
        return lockOrder(id).map(order -> {
            if (order.status() == OrderStatus.FAILED) {
                move(order, OrderStatus.PENDING, reason);
            }
            return order.status();
        });
    }

    private Optional<Order> lockOrder(UUID id) {
        orders.ownerOf(id).ifPresent(orders::lockOwner);
        return orders.lock(id);
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
