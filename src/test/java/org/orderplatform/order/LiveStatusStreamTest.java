package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.orderplatform.auth.IssuedToken;

/**
 * What one client of {@code GET /api/orders/{id}/events} receives: each status change once, in version order, and
 * the end of the stream when its token expires or the client has gone - without a JAX-RS runtime (the sink, the
 * event builder and JSON-B are stand-ins that record what is sent).
 */
class LiveStatusStreamTest {

    private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final Instant EXPIRES = Instant.parse("2026-12-03T12:00:00Z");

    private final Client client = new Client();
    private final Subscription subscription = new Subscription();

    @Test
    void shouldSendTheStatusOfABrandNewOrder() {
        LiveStatusStream stream = stream();

        stream.accept(change(0));

        assertThat(client.statuses()).containsExactly("{\"version\":0}");
    }

    @Test
    void shouldPassOnEveryNewerVersionAsAStatusEvent() {
        LiveStatusStream stream = stream();

        stream.accept(change(1));
        stream.accept(change(2));
        stream.accept(change(5));

        assertThat(client.statuses()).containsExactly("{\"version\":1}", "{\"version\":2}", "{\"version\":5}");
        assertThat(client.sent).allSatisfy(event -> {
            assertThat(event.getName()).isEqualTo("status");
            assertThat(event.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        });
    }

    @Test
    void shouldNotShowAChangeThatArrivesTwice() {
        LiveStatusStream stream = stream();

        stream.accept(change(3));
        stream.accept(change(3));

        assertThat(client.statuses()).containsExactly("{\"version\":3}");
    }

    @Test
    void shouldNotShowAChangeThatArrivesAfterANewerOne() {
        LiveStatusStream stream = stream();

        stream.accept(change(4));
        stream.accept(change(3));
        stream.accept(change(5));

        assertThat(client.statuses()).containsExactly("{\"version\":4}", "{\"version\":5}");
    }

    @Test
    void shouldKeepTheConnectionAliveUntilTheTokenExpires() {
        LiveStatusStream stream = stream();

        assertThat(stream.heartbeat(EXPIRES)).as("still open at the moment of expiry").isTrue();

        assertThat(client.sent).singleElement().satisfies(event -> {
            assertThat(event.getComment()).isNotBlank();
            assertThat(event.getName()).isNull();
        });
        assertThat(client.closed).isFalse();
    }

    @Test
    void shouldEndTheStreamOnceTheTokenHasExpired() {
        LiveStatusStream stream = stream();

        assertThat(stream.heartbeat(EXPIRES.plusMillis(1))).isFalse();

        assertThat(client.closed).isTrue();
        assertThat(subscription.closed).as("no longer listening to the order's changes").isTrue();
        assertThat(client.sent).isEmpty();
    }

    @Test
    void shouldStopListeningWhenTheClientHasGone() {
        LiveStatusStream stream = stream();
        client.closed = true;

        stream.accept(change(1));

        assertThat(client.sent).isEmpty();
        assertThat(subscription.closed).isTrue();
        assertThat(stream.heartbeat(EXPIRES.minusSeconds(60))).as("the stream has ended").isFalse();
    }

    @Test
    void shouldEndTheStreamWhenSendingToTheClientFails() {
        LiveStatusStream stream = stream();
        client.failSends = true;

        stream.accept(change(1));

        assertThat(client.closed).isTrue();
        assertThat(subscription.closed).isTrue();
    }

    private LiveStatusStream stream() {
        LiveStatusStream stream = new LiveStatusStream(client, new RecordingSse(), versionsAsJson(),
                new IssuedToken(7, Optional.empty(), 0), EXPIRES);
        stream.subscribedAs(subscription);
        return stream;
    }

    private static OrderStatusFeed.StatusEvent change(long version) {
        return new OrderStatusFeed.StatusEvent(ORDER, OrderStatus.PROCESSING, OrderStatus.PENDING, null,
                OffsetDateTime.parse("2026-12-03T10:00:00Z"), version);
    }

    /** JSON-B as the stream uses it (toJson of a status event), reduced to the version these tests look at. */
    private static Jsonb versionsAsJson() {
        return (Jsonb) Proxy.newProxyInstance(Jsonb.class.getClassLoader(), new Class<?>[] {Jsonb.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("toJson") && args.length == 1
                            && args[0] instanceof OrderStatusFeed.StatusEvent event) {
                        return "{\"version\":" + event.version() + "}";
                    }
                    throw new UnsupportedOperationException(method.toString());
                });
    }

    /** The client's end of the connection: what it received, and whether it is still there. */
    private static final class Client implements SseEventSink {

        private final List<OutboundSseEvent> sent = new ArrayList<>();
        private boolean closed;
        private boolean failSends;

        List<Object> statuses() {
            return sent.stream().filter(event -> "status".equals(event.getName())).map(OutboundSseEvent::getData)
                    .toList();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (failSends) {
                return CompletableFuture.failedFuture(new IOException("connection reset"));
            }
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** The stream's registration with the order's status feed. */
    private static final class Subscription implements AutoCloseable {

        private boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    private static final class RecordingSse implements Sse {

        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new EventBuilder();
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException("streams do not broadcast");
        }
    }

    private static final class EventBuilder implements OutboundSseEvent.Builder {

        private String name;
        private String comment;
        private MediaType mediaType;
        private Object data;

        @Override
        public OutboundSseEvent.Builder id(String value) {
            throw new UnsupportedOperationException("streams send no event ids");
        }

        @Override
        public OutboundSseEvent.Builder name(String value) {
            name = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder reconnectDelay(long milliseconds) {
            throw new UnsupportedOperationException("streams set no reconnect delay");
        }

        @Override
        public OutboundSseEvent.Builder mediaType(MediaType value) {
            mediaType = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder comment(String value) {
            comment = value;
            return this;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public OutboundSseEvent.Builder data(Class type, Object value) {
            data = value;
            return this;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public OutboundSseEvent.Builder data(GenericType type, Object value) {
            data = value;
            return this;
        }

        @Override
        public OutboundSseEvent.Builder data(Object value) {
            data = value;
            return this;
        }

        @Override
        public OutboundSseEvent build() {
            return new Event(name, comment, mediaType, data);
        }
    }

    private record Event(String name, String comment, MediaType mediaType, Object data) implements OutboundSseEvent {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getComment() {
            return comment;
        }

        @Override
        public MediaType getMediaType() {
            return mediaType;
        }

        @Override
        public Object getData() {
            return data;
        }

        @Override
        public Class<?> getType() {
            return data == null ? Void.class : data.getClass();
        }

        @Override
        public Type getGenericType() {
            return getType();
        }

        @Override
        public String getId() {
            return null;
        }

        @Override
        public long getReconnectDelay() {
            return RECONNECT_NOT_SET;
        }

        @Override
        public boolean isReconnectDelaySet() {
            return false;
        }
    }
}
