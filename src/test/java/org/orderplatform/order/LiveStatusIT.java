package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.Replicas;

/**
 * The live status stream: a client connected to the API replica (the test server) sees the changes a worker on
 * another replica makes, through Redis pub/sub - and nobody can follow another user's order.
 */
class LiveStatusIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @RegisterExtension
    final Replicas replicas = new Replicas();

    private CompletableFuture<HttpResponse<Stream<String>>> stream;

    @AfterEach
    void closeStream() {
        if (stream != null) {
            stream.cancel(true);
        }
    }

    @Test
    void shouldStreamTheStatusChangesAWorkerOnAnotherReplicaMakes() {
        String customer = Orders.newCustomer("live");
        String id = Orders.place(customer).getString("id");
        List<JsonObject> events = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        stream = CLIENT.sendAsync(Accounts.authorized("/api/orders/" + id + "/events", customer)
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(line -> {
            lines.add(line);
            if (line.startsWith("data:")) {
                events.add(Json.createReader(new StringReader(line.substring(5).trim())).readObject());
            }
        }));
        await("the current status").atMost(Duration.ofSeconds(30)).until(() -> !events.isEmpty());
        assertThat(stream.join().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(events.get(0).getString("status")).isEqualTo("PENDING");
        assertThat(events.get(0).getString("order_id")).isEqualTo(id);

        replicas.start("streamedWorker", Processing.fast("APP_ROLE", "worker"));

        await("PROCESSING and COMPLETED").atMost(Processing.PROCESSING_TIMEOUT)
                .until(() -> events.size() >= 3);
        assertThat(events).extracting(event -> event.getString("status"))
                .containsExactly("PENDING", "PROCESSING", "COMPLETED");
        assertThat(events.get(2).getString("previous_status")).isEqualTo("PROCESSING");
        assertThat(lines).contains("event: status");
    }

    @Test
    void shouldNotLetAnotherUserFollowAnOrder() {
        String owner = Orders.newCustomer("followed");
        String id = Orders.place(owner).getString("id");
        String stranger = Orders.newCustomer("stranger");

        HttpResponse<String> refused = Api.send(Accounts.authorized("/api/orders/" + id + "/events", stranger)
                .header("Accept", "text/event-stream"));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).doesNotContain("PENDING");

        HttpResponse<String> anonymous = Api.send(Api.request("/api/orders/" + id + "/events")
                .header("Accept", "text/event-stream"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }
}
