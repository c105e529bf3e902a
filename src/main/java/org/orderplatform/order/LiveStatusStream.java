package org.orderplatform.order;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.function.Consumer;
import org.orderplatform.auth.IssuedToken;

/**
 * One client's stream of one order's status: a {@code status} event for the status at connection time, then one
 * per change - only changes newer (by order version) than the last one sent, so a change that arrives twice or
 * late is not shown - and a comment now and then so that proxies keep the connection and a gone client is
 * noticed. It ends when the client leaves or its access token expires or is revoked.
 */
final class LiveStatusStream implements Consumer<OrderStatusFeed.StatusEvent> {

    private final SseEventSink sink;
    private final Sse sse;
    private final Jsonb jsonb;
    private final IssuedToken token;
    private final Instant expires;
    private AutoCloseable subscription = () -> { };
    private long lastVersion = -1;

    LiveStatusStream(SseEventSink sink, Sse sse, Jsonb jsonb, IssuedToken token, Instant expires) {
        this.sink = sink;
        this.sse = sse;
        this.jsonb = jsonb;
        this.token = token;
        this.expires = expires;
    }

    /** The access token the stream was opened with. */
    IssuedToken token() {
        return token;
    }

    synchronized void subscribedAs(AutoCloseable subscription) {
        this.subscription = subscription;
    }

    @Override
    public synchronized void accept(OrderStatusFeed.StatusEvent event) {
        if (event.version() <= lastVersion) {
            return;
        }
        lastVersion = event.version();
        send(sse.newEventBuilder().name("status").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(jsonb.toJson(event)).build());
    }

    /** Keeps the connection alive, or ends it once the token has expired; false once the stream has ended. */
    synchronized boolean heartbeat(Instant now) {
        if (now.isAfter(expires)) {
            close();
        } else {
            send(sse.newEventBuilder().comment("still here").build());
        }
        return !sink.isClosed();
    }

    synchronized void close() {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // nothing to release
        }
        sink.close();
    }

    private void send(OutboundSseEvent event) {
        if (sink.isClosed()) {
            close();
            return;
        }
        try {
            sink.send(event).exceptionally(gone -> {
                close();
                return null;
            });
        } catch (IllegalStateException closedMeanwhile) {
            close();
        }
    }
}
