package org.orderplatform.processing;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.orderplatform.order.Order;
import org.orderplatform.platform.db.SchemaReady;

/** The live status streams this replica serves, kept alive every {@value #HEARTBEAT_SECONDS} seconds. */
@ApplicationScoped
public class LiveStatusStreams {

    static final long HEARTBEAT_SECONDS = 15;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OrderStatusFeed feed;

    @Inject
    Jsonb jsonb;

    private final Set<LiveStatusStream> streams = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> heartbeat;

    void start(@Observes SchemaReady ready) {
        heartbeat = scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        streams.forEach(LiveStatusStream::close);
    }

    /**
     * Streams the order's status to the sink until the client leaves or {@code expires}. Listening starts before
     * the current status is read ({@code current}), so no change in between is missed.
     */
    public void open(SseEventSink sink, Sse sse, UUID orderId, Supplier<Order> current, Instant expires) {
        LiveStatusStream stream = new LiveStatusStream(sink, sse, jsonb, expires);
        stream.subscribedAs(feed.listen(orderId, stream));
        streams.add(stream);
        try {
            Order now = current.get();
            stream.accept(new OrderStatusFeed.StatusEvent(now.id(), now.status(), null, now.statusReason(),
                    now.updatedAt(), now.version()));
        } catch (RuntimeException e) {
            streams.remove(stream);
            stream.close();
            throw e;
        }
    }

    private void beat() {
        Instant now = Instant.now();
        streams.removeIf(stream -> !stream.heartbeat(now));
    }
}
