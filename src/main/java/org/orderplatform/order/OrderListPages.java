package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.util.List;
import java.util.Optional;
import org.orderplatform.platform.web.paging.PageView;

/**
 * A page of the order list as the JSON text the API sends. A page worth caching comes from {@link OrderListCache}
 * while the owner's {@code orders_version} is the one it was stored at, so a cached page is never older than the
 * owner's last change; any other page is read from PostgreSQL and rendered again.
 */
@ApplicationScoped
public class OrderListPages {

    @Inject
    OrderRepository orders;

    @Inject
    OrderListCache cache;

    @Inject
    Jsonb jsonb;

    public String page(OrderQuery query) {
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
}
