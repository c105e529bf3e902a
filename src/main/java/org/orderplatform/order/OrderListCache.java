package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.platform.redis.RedisOutages;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Cache-aside for pages of one user's order list, as the JSON the API sends. Each user has one Redis hash,
 * {@code orders:list:<owner id>}: the field {@code version} holds the owner's {@code orders_version} the pages were
 * read at, the other fields the pages. A PostgreSQL trigger changes that version in the same transaction as any
 * change to their orders (the API's, the processing worker's, anyone's), so a page is only served while its version
 * is current: read-your-writes, and no user's key ever reaches another user's orders. Redis being down or slow
 * (bounded by REDIS_TIMEOUT_MS) only means a miss; the failure is logged once until Redis answers again and counted
 * ({@code order_cache_errors_total}).
 *
 * <p>What it may take is bounded, because it shares Redis with the login-throttling counters (which must never be
 * evicted): per user one hash, holding one version, at most
 * {@code ORDER_CACHE_MAX_PAGES_PER_USER} pages of at most {@code ORDER_CACHE_MAX_PAGE_BYTES} each (larger pages are
 * read from PostgreSQL every time), gone {@code ORDER_CACHE_TTL_SECONDS} after its first page was stored.
 */
@ApplicationScoped
public class OrderListCache {

    static final String PREFIX = "orders:list:";
    static final String FEATURE = "the order list cache";
    static final String ERRORS_METRIC = "order.cache.errors";
    static final int MAX_CACHED_PAGE = 3;
    static final Set<Integer> CACHED_SIZES = Set.of(10, 20, 50, 100);
    private static final String VERSION = "version";
    /**
     * Stores a page unless newer pages are cached already; a newer version replaces the hash, older pages and all. A
     * new page is refused when the hash is full. The lifetime starts with the hash (TTL < 0: just created).
     */
    private static final String PUT = """
            local stored = tonumber(redis.call('HGET', KEYS[1], 'version') or '-1')
            local version = tonumber(ARGV[1])
            if stored > version then return 0 end
            if stored < version then redis.call('DEL', KEYS[1]) end
            if redis.call('HEXISTS', KEYS[1], ARGV[2]) == 0 and redis.call('HLEN', KEYS[1]) > tonumber(ARGV[4]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'version', ARGV[1], ARGV[2], ARGV[3])
            if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[5]) end
            return 1""";

    @Inject
    JedisPool redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    RedisOutages outages;

    @Inject
    @ConfigProperty(name = "ORDER_CACHE_TTL_SECONDS", defaultValue = "60")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "ORDER_CACHE_MAX_PAGES_PER_USER", defaultValue = "10")
    int maxPagesPerUser;

    @Inject
    @ConfigProperty(name = "ORDER_CACHE_MAX_PAGE_BYTES", defaultValue = "65536")
    int maxPageBytes;

    /** Which pages may take one of a user's cache slots: the first pages at the usual sizes, not as_of snapshots. */
    static boolean isWorthCaching(OrderQuery query) {
        return query.paging().page() <= MAX_CACHED_PAGE && CACHED_SIZES.contains(query.paging().size())
                && query.asOf().isEmpty();
    }

    Optional<String> get(long ownerId, long ordersVersion, OrderQuery query) {
        try (Jedis jedis = redis.getResource()) {
            List<String> cached = jedis.hmget(PREFIX + ownerId, VERSION, query.cacheKey());
            String page = Long.toString(ordersVersion).equals(cached.get(0)) ? cached.get(1) : null;
            outages.succeeded(FEATURE);
            metrics.counter(page == null ? "order.cache.misses" : "order.cache.hits").inc();
            return Optional.ofNullable(page);
        } catch (JedisException e) {
            outages.failed(FEATURE, ERRORS_METRIC, "order lists come from PostgreSQL", e);
            return Optional.empty();
        }
    }

    void put(long ownerId, long ordersVersion, OrderQuery query, String page) {
        if (page.getBytes(StandardCharsets.UTF_8).length > maxPageBytes) {
            return;
        }
        try (Jedis jedis = redis.getResource()) {
            jedis.eval(PUT, List.of(PREFIX + ownerId), List.of(Long.toString(ordersVersion), query.cacheKey(), page,
                    Integer.toString(maxPagesPerUser), Long.toString(ttlSeconds)));
            outages.succeeded(FEATURE);
        } catch (JedisException e) {
            outages.failed(FEATURE, ERRORS_METRIC, "order lists come from PostgreSQL", e);
        }
    }
}
