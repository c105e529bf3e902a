package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.orderplatform.platform.security.Sha256;
import org.orderplatform.platform.web.PageView;
import org.orderplatform.platform.web.ProblemDetails.FieldError;
import org.orderplatform.platform.web.ProblemException;

/** Orders: creation (idempotent on request), reading, replacing, cancelling and deleting. Owns the transactions. */
@ApplicationScoped
public class OrderService {

    @Inject
    OrderRepository orders;

    @Inject
    OrderListCache cache;

    @Inject
    Jsonb jsonb;

    @Inject
    Event<OrderStatusChanged> changes;

    /** The order, and whether it was created now (false: an earlier request with the same Idempotency-Key). */
    public record Placed(Order order, boolean created) {
    }

    @Transactional
    public Placed create(Caller caller, OrderRequest request, Optional<String> idempotencyKey) {
        orders.lockOwner(caller.userId());
        if (request.version() != null) {
            throw ProblemException.invalid(List.of(new FieldError(
                    "version", "is not a field of a new order")));
        }
        if (idempotencyKey.isPresent()) {
            String key = idempotencyKey.get();
            String hash = requestHash(request);
            if (!orders.claimIdempotencyKey(caller.userId(), key, hash)) {
                return replay(caller, key, hash);
            }
            Order order = place(caller, request);
            orders.recordIdempotentOrder(caller.userId(), key, order.id());
            return new Placed(order, true);
        }
        return new Placed(place(caller, request), true);
    }

    /** Forgets Idempotency-Keys used longer ago than {@code age}; how many. Joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetIdempotencyKeysOlderThan(Duration age) {
        return orders.deleteIdempotencyKeysOlderThan(age);
    }

    public Order get(Caller caller, UUID id) {
        return orders.find(id).filter(caller::mayAccess).orElseThrow(() -> notFound(id));
    }

    public OrderHistoryEntry.History history(Caller caller, UUID id) {
        get(caller, id);
        return new OrderHistoryEntry.History(id, orders.history(id));
    }

    /** A page of orders as the API's JSON, from the cache when the owner's orders have not changed since. */
    public String list(OrderQuery query) {
        Optional<Long> version = OrderListCache.isWorthCaching(query)
                ? query.ownerId().flatMap(orders::ordersVersion) : Optional.empty();
        boolean cacheable = version.isPresent();
        if (cacheable) {
            Optional<String> cached = cache.get(query.ownerId().get(), version.get(), query);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        List<OrderView> items = orders.page(query).stream().map(OrderView::of).toList();
        String page = jsonb.toJson(new PageView<>(items, orders.count(query), query.paging().page(),
                query.paging().size()));
        if (cacheable) {
            cache.put(query.ownerId().get(), version.get(), query, page);
        }
        return page;
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
            throw new ProblemException(428, "/problems/precondition-required", "Precondition Required",
                    "Send the version you read, as If-Match: \"" + order.version() + "\" or \"version\" in the body");
        }
        if (expected.isPresent() && expected.get() != order.version()) {
            throw new ProblemException(412, "/problems/version-mismatch", "Precondition Failed",
                    "The order is at version " + order.version() + ", not " + expected.get()
                            + "; get it again and reapply your change");
        }
        requireStatus(order, order.status().isEditable(), "changed");
        order.replace(lines(request), request.currencyOrDefault(), request.notes());
        return order;
    }

    @Transactional
    public Order cancel(Caller caller, UUID id) {
        Order order = lockAccessible(caller, id);
        requireStatus(order, order.status() == OrderStatus.PENDING, "cancelled");
        order.cancel(order.ownerId() == caller.userId() ? "cancelled by the owner" : "cancelled by a superuser");
        orders.flush();
        changes.fire(OrderStatusChanged.of(order, OrderStatus.PENDING));
        return order;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        Order order = lockAccessible(caller, id);
        requireStatus(order, order.status().isDeletable(), "deleted");
        orders.remove(order);
    }

    private Order place(Caller caller, OrderRequest request) {
        Order order = new Order(caller.userId(), lines(request), request.currencyOrDefault(), request.notes());
        orders.add(order);
        orders.flush();
        changes.fire(OrderStatusChanged.of(order, null));
        return order;
    }

    private Placed replay(Caller caller, String key, String hash) {
        OrderRepository.IdempotentRequest earlier = orders.idempotentRequest(caller.userId(), key)
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + key));
        if (!earlier.requestHash().equals(hash)) {
            throw new ProblemException(422, "/problems/idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new order");
        }
        return orders.find(earlier.orderId())
                .map(order -> new Placed(order, false))
                .orElseThrow(() -> new ProblemException(409, "/problems/idempotent-order-gone",
                        "Order no longer exists", "The order created with this Idempotency-Key has been deleted"));
    }

    /** The order, locked for this transaction after its owner (see {@link OrderRepository#lockOwner}). */
    private Order lockAccessible(Caller caller, UUID id) {
        orders.ownerOf(id).ifPresent(orders::lockOwner);
        return orders.lock(id).filter(caller::mayAccess).orElseThrow(() -> notFound(id));
    }

    private static void requireStatus(Order order, boolean allowed, String action) {
        if (!allowed) {
            throw new ProblemException(409, "/problems/order-state", "Order state does not allow this",
                    "The order is " + order.status() + " and cannot be " + action);
        }
    }

    private static List<OrderLine> lines(OrderRequest request) {
        return request.items().stream()
                .map(item -> new OrderLine(item.sku(), item.name(), item.quantity(), item.unitPrice()))
                .toList();
    }

    /** Same request, same hash: the content with defaults applied, in a fixed JSON form. */
    private String requestHash(OrderRequest request) {
        List<OrderRequest.Item> items = request.items().stream()
                .map(item -> new OrderRequest.Item(item.sku(), item.name(), item.quantity(),
                        item.unitPrice().setScale(2)))
                .toList();
        String canonical = jsonb.toJson(new OrderRequest(items, request.currencyOrDefault(), request.notes(), null));
        return Sha256.hex(canonical);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.ofStatus(404, "No order " + id);
    }
}
