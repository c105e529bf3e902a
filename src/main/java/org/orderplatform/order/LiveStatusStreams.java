package org.orderplatform.order;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.auth.IssuedToken;
import org.orderplatform.auth.TokenRevocations;
import org.orderplatform.platform.db.SchemaReady;

/**
 * The live status streams this replica serves, kept alive every {@value #HEARTBEAT_SECONDS} seconds. A stream lives
 * no longer than the rights it was opened with: every {@code REVOCATION_CHECK_SECONDS} (and at once when this
 * replica revokes them) streams whose access token was revoked - logout, deactivation, demotion, a new password -
 * end. A user may hold at most {@code LIVE_STREAMS_PER_USER} streams on one replica; more is a 429.
 */
@ApplicationScoped
public class LiveStatusStreams {

    static final long HEARTBEAT_SECONDS = 15;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    OrderStatusFeed feed;

    @Inject
    Jsonb jsonb;

    @Inject
    TokenRevocations revocations;

    @Inject
    Logger log;

    @Inject
    @ConfigProperty(name = "REVOCATION_CHECK_SECONDS")
    long revocationCheckSeconds;

    @Inject
    @ConfigProperty(name = "LIVE_STREAMS_PER_USER", defaultValue = "5")
    int perUser;

    private final Set<LiveStatusStream> streams = ConcurrentHashMap.newKeySet();
    private final List<ScheduledFuture<?>> schedules = new CopyOnWriteArrayList<>();

    void start(@Observes SchemaReady ready) {
        schedules.add(scheduler.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS));
        schedules.add(scheduler.scheduleWithFixedDelay(this::endRevoked, revocationCheckSeconds,
                revocationCheckSeconds, TimeUnit.SECONDS));
    }

    @PreDestroy
    void stop() {
        schedules.forEach(schedule -> schedule.cancel(false));
        streams.forEach(LiveStatusStream::close);
    }

    /** This replica revoked a user's access: their streams are checked now rather than at the next round. */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) TokenRevocations.AccessRevoked change) {
        if (streams.stream().anyMatch(stream -> stream.token().userId() == change.userId())) {
            scheduler.execute(this::endRevoked);
        }
    }

    /**
     * Streams the order's status to the sink until the client leaves or {@code expires}. Listening starts before
     * the current status is read ({@code current}), so no change in between is missed.
     */
    public void open(SseEventSink sink, Sse sse, UUID orderId, Supplier<Order> current, IssuedToken token,
                     Instant expires) {
        LiveStatusStream stream = new LiveStatusStream(sink, sse, jsonb, token, expires);
        admit(stream);
        try {
            stream.subscribedAs(feed.listen(orderId, stream));
            Order now = current.get();
            stream.accept(new OrderStatusFeed.StatusEvent(now.id(), now.status(), null, now.statusReason(),
                    now.updatedAt(), now.version()));
        } catch (RuntimeException e) {
            streams.remove(stream);
            stream.close();
            throw e;
        }
    }

    /** Adds the stream unless its user already has {@code LIVE_STREAMS_PER_USER} (429). */
    private synchronized void admit(LiveStatusStream stream) {
        long open = streams.stream().filter(other -> other.token().userId() == stream.token().userId()).count();
        if (open >= perUser) {
            throw OrderProblem.TOO_MANY_STREAMS.exception("At most " + perUser
                    + " live status streams per user at a time; close one first",
                    HEARTBEAT_SECONDS);
        }
        streams.add(stream);
    }

    /** Ends the streams whose token was revoked - and all of them when that cannot be checked (fail closed). */
    private void endRevoked() {
        streams.removeIf(stream -> {
            boolean revoked;
            try {
                revoked = revocations.isRevoked(stream.token());
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Could not check whether a live stream's access was revoked; ending it", e);
                revoked = true;
            }
            if (revoked) {
                stream.close();
            }
            return revoked;
        });
    }

    private void beat() {
        Instant now = Instant.now();
        streams.removeIf(stream -> !stream.heartbeat(now));
    }
}
