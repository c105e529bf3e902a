package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.orderplatform.platform.security.Sha256;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * Placing an order, once per Idempotency-Key. The key is claimed with a hash of the request in the transaction that
 * places the order, after the owner's row is locked, so that of two requests racing with one key exactly one places
 * the order; a repeat of the same request gets that order back, the same key with another request is refused.
 */
@ApplicationScoped
public class IdempotentOrderPlacement {

    @Inject
    OrderRepository orders;

    @Inject
    OrderService service;

    @Inject
    Jsonb jsonb;

    /** The order, and whether it was created now (false: an earlier request with the same Idempotency-Key). */
    public record Placed(Order order, boolean created) {
    }

    @Transactional
    public Placed place(Caller caller, OrderRequest request, Optional<String> idempotencyKey) {
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
            Order order = service.place(caller, request);
            orders.recordIdempotentOrder(caller.userId(), key, order.id());
            return new Placed(order, true);
        }
        return new Placed(service.place(caller, request), true);
    }

    /** Forgets Idempotency-Keys used longer ago than {@code age}; how many. Joins the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forgetKeysOlderThan(Duration age) {
        return orders.deleteIdempotencyKeysOlderThan(age);
    }

    private Placed replay(Caller caller, String key, String hash) {
        OrderRepository.IdempotentRequest earlier = orders.idempotentRequest(caller.userId(), key)
                .orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + key));
        if (!earlier.requestHash().equals(hash)) {
            throw OrderProblem.IDEMPOTENCY_KEY_REUSED.exception(
                    "This Idempotency-Key was used for a different request; use a new key for a new order");
        }
        return orders.find(earlier.orderId())
                .map(order -> new Placed(order, false))
                .orElseThrow(() -> OrderProblem.IDEMPOTENT_ORDER_GONE.exception(
                        "The order created with this Idempotency-Key has been deleted"));
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
}
