package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Metrics;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.Replicas;

/**
 * Fulfilment failing every time: the order fails after JOB_MAX_ATTEMPTS attempts with backoff between them, its job
 * is a dead letter, and replaying it once fulfilment works again completes the order.
 */
class ProcessingFailuresIT {

    static final int ATTEMPTS = 3;

    @RegisterExtension
    final Replicas replicas = new Replicas();




    @Test
    void shouldDeadLetterAnOrderThatKeepsFailingAndCompleteItWhenReplayed() throws Exception {
        ExtraServer failing = replicas.start("failingWorker", Processing.fast("APP_ROLE", "worker",
                "FULFILMENT_FAILURE_RATE", "1", "JOB_MAX_ATTEMPTS", Integer.toString(ATTEMPTS)));
        String customer = Orders.newCustomer("doomed");
        String id = Orders.place(customer).getString("id");

        Processing.awaitStatus(id, "FAILED");

        JsonObject failed = Api.json(Orders.get(customer, "/api/orders/" + id));
        assertThat(failed.getString("status_reason")).startsWith("processing failed after 3 attempts")
                .contains("simulated");
        assertThat(Processing.history(id)).containsExactly("null>PENDING", "PENDING>PROCESSING", "PROCESSING>FAILED");
        // two retries, each waiting at least half of its backoff (200 ms, then 400 ms)
        assertThat(Duration.between(changedAt(id, "PROCESSING"), changedAt(id, "FAILED")))
                .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Database.queryString("SELECT state || ' ' || attempts FROM order_jobs WHERE order_id = ?::uuid",
                id)).isEqualTo("DEAD 3");

        String admin = Accounts.superuserToken();
        JsonObject deadLetter = Api.json(Orders.get(admin, "/api/admin/dead-letters?size=100"))
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(letter -> letter.getString("order_id").equals(id)).findFirst().orElseThrow();
        assertThat(deadLetter.getInt("attempts")).isEqualTo(ATTEMPTS);
        assertThat(deadLetter.getString("error")).contains("simulated");
        long deadLetters = Api.json(Orders.get(admin, "/api/admin/queue")).getJsonNumber("dead_letters").longValue();
        assertThat(deadLetters).isPositive();
        // exact: only a worker giving up on a job (or a replay) changes the dead letters, and the only worker is this
        // test's, with only this order's job to work on (Replicas set the other tests' backlog aside)
        await("the dead-letter gauge").atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Metrics.value(Metrics.scrape(Api.BASE), "order_dead_letters")).isEqualTo(deadLetters));

        failing.stop();
        replicas.start("recoveredWorker", Processing.fast("APP_ROLE", "worker"));
        HttpResponse<String> replay = replay(admin, deadLetter.getJsonNumber("id").longValue());
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);

        Processing.awaitStatus(id, "COMPLETED");
        assertThat(Processing.history(id)).containsExactly("null>PENDING", "PENDING>PROCESSING",
                "PROCESSING>FAILED", "FAILED>PENDING", "PENDING>PROCESSING", "PROCESSING>COMPLETED");
        assertThat(Api.json(Orders.get(admin, "/api/admin/dead-letters?size=100")).getJsonArray("items")
                .getValuesAs(JsonObject.class)).noneMatch(letter -> letter.getString("order_id").equals(id));
        assertThat(replay(admin, deadLetter.getJsonNumber("id").longValue()).statusCode())
                .as("no longer a dead letter").isEqualTo(404);
    }

    private static HttpResponse<String> replay(String token, long id) {
        return Api.send(Accounts.authorized("/api/admin/dead-letters/" + id + "/replay", token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private static java.time.Instant changedAt(String orderId, String toStatus) throws Exception {
        return Timestamp.valueOf(Database.queryString("SELECT changed_at::timestamp FROM order_status_history "
                + "WHERE order_id = ?::uuid AND to_status = ? ORDER BY id LIMIT 1", orderId, toStatus)).toInstant();
    }
}
