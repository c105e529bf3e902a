package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.platform.redis.RedisOutages;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Cache-aside for pages of one user's order list, as the JSON the API sends. The key holds the owner's
 * {@code orders_version}, which a PostgreSQL trigger changes in the same transaction as any change to their
 * orders (the API's, the processing worker's, anyone's), so a cached page can never outlive a write:
 * read-your-writes, and no user's key ever reaches another user's orders. Redis being down or slow (bounded by REDIS_TIMEOUT_MS) only means a miss;
 * the failure is logged once until Redis answers again and counted ({@code order_cache_errors_total}).
 */
@ApplicationScoped
public class OrderListCache {

    static final String PREFIX = "orders:list:";
    static final String FEATURE = "the order list cache";
    static final int MAX_CACHED_PAGE = 3;
    static final Set<Integer> CACHED_SIZES = Set.of(10, 20, 50, 100);

    @Inject
    JedisPool redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    RedisOutages outages;

    @Inject
    @ConfigProperty(name = "ORDER_CACHE_TTL_SECONDS", defaultValue = "60")
    long ttlSeconds;


    /** What is cached: the first pages at the usual sizes - bounded keys per user, whatever clients ask for. */
    static boolean isWorthCaching(OrderQuery query) {
        return query.page() <= MAX_CACHED_PAGE && CACHED_SIZES.contains(query.size()) && query.asOf().isEmpty();
    }

    Optional<String> get(long ownerId, long ordersVersion, OrderQuery query) {
        try (Jedis jedis = redis.getResource()) {
            String page = jedis.get(key(ownerId, ordersVersion, query));
            outages.succeeded(FEATURE);
            metrics.counter(page == null ? "order.cache.misses" : "order.cache.hits").inc();
            return Optional.ofNullable(page);
        } catch (JedisException e) {
            outages.failed(FEATURE, "order.cache.errors", "order lists come from PostgreSQL", e);
            return Optional.empty();
        }
    }

    void put(long ownerId, long ordersVersion, OrderQuery query, String page) {
        try (Jedis jedis = redis.getResource()) {
            jedis.setex(key(ownerId, ordersVersion, query), ttlSeconds, page);
            outages.succeeded(FEATURE);
        } catch (JedisException e) {
            outages.failed(FEATURE, "order.cache.errors", "order lists come from PostgreSQL", e);
        }
    }

    private static String key(long ownerId, long ordersVersion, OrderQuery query) {
        return PREFIX + ownerId + ":v" + ordersVersion + ":" + query.cacheKey();
    }
}
