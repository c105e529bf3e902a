package org.orderplatform.order;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderplatform.platform.db.SchemaReady;
import org.orderplatform.platform.redis.RedisConnections;
import org.orderplatform.platform.redis.RedisOutages;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Order status changes across replicas: every committed change is published on the Redis channel
 * {@value #CHANNEL}, and every replica subscribes to it and hands each change to the listeners of that order here
 * (the live status streams). A change made by a worker on one replica thus reaches a client connected to another.
 * Pub/sub delivers at most once: while Redis is away changes are not streamed (clients can poll the order). The
 * subscription is pinged every {@value #PING_SECONDS} seconds; one that stays silent for three pings (a connection
 * that died without closing) is dropped and made again.
 */
@ApplicationScoped
public class OrderStatusFeed {

    static final String CHANNEL = "orders:status";
    static final String FEATURE = "live order status";
    static final String ERRORS_METRIC = "order.status.feed.errors";
    private static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
    static final long PING_SECONDS = 15;

    /** A change as it travels between replicas; {@code version} is the order's version after it. */
    public record StatusEvent(UUID orderId, OrderStatus status, OrderStatus previousStatus, String reason,
                              OffsetDateTime changedAt, long version) {
    }

    /** Threads of their own for loops that run until the application stops (see server.xml). */
    @Resource(lookup = "concurrent/orderProcessingThreads")
    ManagedThreadFactory threads;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    JedisPool redis;

    @Inject
    RedisConnections connections;

    @Inject
    RedisOutages outages;

    @Inject
    Jsonb jsonb;

    @Inject
    Logger log;

    private final Map<UUID, Set<Consumer<StatusEvent>>> listeners = new ConcurrentHashMap<>();
    private final Subscriber subscriber = new Subscriber();
    private volatile boolean running;
    private volatile Jedis connection;
    private volatile Instant lastHeard = Instant.now();
    private ScheduledFuture<?> pings;

    void start(@Observes SchemaReady ready) {
        running = true;
        threads.newThread(this::subscribe).start();
        pings = scheduler.scheduleWithFixedDelay(this::checkSubscription, PING_SECONDS, PING_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        running = false;
        if (pings != null) {
            pings.cancel(false);
        }
        if (subscriber.isSubscribed()) {
            subscriber.unsubscribe();
        }
    }

    void publish(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderStatusChanged change) {
        StatusEvent event = new StatusEvent(change.orderId(), change.to(), change.from(), change.reason(),
                change.changedAt(), change.version());
        try (Jedis jedis = redis.getResource()) {
            jedis.publish(CHANNEL, jsonb.toJson(event));
            outages.succeeded(FEATURE);
        } catch (JedisException e) {
            outages.failed(FEATURE, ERRORS_METRIC, "status changes are not streamed", e);
        }
    }

    /** Calls {@code listener} with each change of the order until the returned handle is closed. */
    public AutoCloseable listen(UUID orderId, Consumer<StatusEvent> listener) {
        listeners.computeIfAbsent(orderId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(orderId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    private void subscribe() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try (Jedis subscription = connections.open("status-feed", Duration.ZERO)) {
                connection = subscription;
                lastHeard = Instant.now();
                subscription.subscribe(subscriber, CHANNEL);
            } catch (JedisException e) {
                if (running) {
                    outages.failed(FEATURE, ERRORS_METRIC, "status changes are not streamed", e);
                    sleep();
                }
            }
        }
    }

    /** Pings the subscription, or drops it if it has not answered for three pings. */
    private void checkSubscription() {
        try {
            if (!subscriber.isSubscribed()) {
                return;
            }
            if (lastHeard.isBefore(Instant.now().minusSeconds(3 * PING_SECONDS))) {
                log.warning("The status feed's Redis subscription stopped answering; subscribing again");
                connection.disconnect();
            } else {
                subscriber.ping();
            }
        } catch (RuntimeException e) {
            log.log(Level.FINE, "Could not ping the status feed's subscription", e);
        }
    }

    private void deliver(String message) {
        try {
            StatusEvent event = jsonb.fromJson(message, StatusEvent.class);
            listeners.getOrDefault(event.orderId(), Set.of()).forEach(listener -> listener.accept(event));
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Ignored a status change that could not be delivered: " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RECONNECT_DELAY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Subscriber extends JedisPubSub {
        @Override
        public void onMessage(String channel, String message) {
            lastHeard = Instant.now();
            deliver(message);
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            lastHeard = Instant.now();
            outages.succeeded(FEATURE);
        }

        @Override
        public void onPong(String pattern) {
            lastHeard = Instant.now();
        }
    }
}
