package org.orderplatform.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** HTTP access to the server that the build started for the integration tests (a black box). */
public final class Api {

    /** Base URL of the test server, e.g. {@code http://localhost:PORT}; set by failsafe. */
    public static final URI BASE = URI.create(System.getProperty("it.base.url", "http://localhost:9080"));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    private Api() {
    }

    public static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(BASE.resolve(path)).timeout(TIMEOUT);
    }

    /** A request to another replica (see {@link ExtraServer}). */
    public static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
    }

    public static HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request whose body is read some other way than as a string: bytes, a stream, ... */
    public static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request whose successful answer may be an endless stream (Server-Sent Events): the body of a 2xx is
     * not read - the connection is closed once the status and headers are in, and the body is empty - while any
     * other answer is read whole, as {@link #send} does.
     */
    public static HttpResponse<String> sendWithoutStreaming(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), info -> info.statusCode() / 100 == 2 ? new ClosingSubscriber()
                    : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Cancels the body at once: an empty string. */
    private static final class ClosingSubscriber implements HttpResponse.BodySubscriber<String> {

        @Override
        public CompletionStage<String> getBody() {
            return CompletableFuture.completedFuture("");
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            // cancelled: nothing more is read
        }

        @Override
        public void onError(Throwable throwable) {
            // cancelled: the body is not wanted
        }

        @Override
        public void onComplete() {
            // cancelled: the body is not wanted
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
