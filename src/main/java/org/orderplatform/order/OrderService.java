package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * An order's life through the API: reading it and its history, and its owner's commands. Each change locks the
 * owner, then the order ({@link OrderRepository#lockAfterOwner}), and asks {@link OrderStatus} whether the order's
 * status allows it. Placing goes through {@link IdempotentOrderPlacement}; the list through {@link OrderListPages}.
 * Owns the transactions.
 */
@ApplicationScoped
public class OrderService {

    @Inject
    OrderRepository orders;

    @Inject
    Event<OrderStatusChanged> changes;

    public Order get(Caller caller, UUID id) {
        return orders.find(id).filter(caller::mayAccess).orElseThrow(() -> notFound(id));
    }

    public OrderHistoryEntry.History history(Caller caller, UUID id) {
        get(caller, id);
        return new OrderHistoryEntry.History(id, orders.history(id));
    }

    /**
     * Replaces the content of a pending order. The version the client read (If-Match, or the body's version) is
     * required - 428 without it, so nobody overwrites a change they have not seen - and must be current: 412
     * otherwise, so that of two clients editing the same version exactly one wins. {@code If-Match: *} means
     * whatever the current version is.
     */
    @Transactional
    public Order replace(Caller caller, UUID id, OrderRequest request, Precondition precondition) {
        Order order = lockAccessible(caller, id);
        Optional<Long> expected = precondition.version().or(() -> Optional.ofNullable(request.version()));
        if (expected.isEmpty() && !precondition.any()) {
            throw OrderProblem.PRECONDITION_REQUIRED.exception("Send the version you read, as If-Match: \""
                    + order.version() + "\" or \"version\" in the body");
        }
        if (expected.isPresent() && expected.get() != order.version()) {
            throw OrderProblem.VERSION_MISMATCH.exception("The order is at version " + order.version() + ", not "
                    + expected.get() + "; get it again and reapply your change");
        }
        requireStatus(order, order.status().isEditable(), "changed");
        order.replace(lines(request), request.currencyOrDefault(), request.notes());
        return order;
    }

    @Transactional
    public Order cancel(Caller caller, UUID id) {
        Order order = lockAccessible(caller, id);
        OrderStatus before = order.status();
        requireStatus(order, before.isCancellable(), "cancelled");
        order.cancel(order.ownerId() == caller.userId() ? "cancelled by the owner" : "cancelled by a superuser");
        orders.flush();
        changes.fire(OrderStatusChanged.of(order, before));
        return order;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        Order order = lockAccessible(caller, id);
        requireStatus(order, order.status().isDeletable(), "deleted");
        orders.remove(order);
    }

    /**
     * A new order, PENDING. Joins the caller's transaction, which has locked the owner: the way in is
     * {@link IdempotentOrderPlacement}, because it decides whether a request places an order at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Order place(Caller caller, OrderRequest request) {
        Order order = new Order(caller.userId(), lines(request), request.currencyOrDefault(), request.notes());
        orders.add(order);
        orders.flush();
        changes.fire(OrderStatusChanged.of(order, null));
        return order;
    }

    private Order lockAccessible(Caller caller, UUID id) {
        return orders.lockAfterOwner(id).filter(caller::mayAccess).orElseThrow(() -> notFound(id));
    }

    private static void requireStatus(Order order, boolean allowed, String action) {
        if (!allowed) {
            throw OrderProblem.ORDER_STATE.exception("The order is " + order.status() + " and cannot be " + action);
        }
    }

    private static List<OrderLine> lines(OrderRequest request) {
        return request.items().stream()
                .map(item -> new OrderLine(item.sku(), item.name(), item.quantity(), item.unitPrice()))
                .toList();
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.ofStatus(404, "No order " + id);
    }
}
