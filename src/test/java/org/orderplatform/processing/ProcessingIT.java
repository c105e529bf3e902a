package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Metrics;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;

/**
 * Orders placed on the API replica (the test server) are processed by a worker replica: PENDING → PROCESSING →
 * COMPLETED, each change recorded once.
 */
class ProcessingIT {

    static ExtraServer worker;

    @BeforeAll
    static void startWorker() throws Exception {
        Processing.setAsideBacklog();
        worker = ExtraServer.start("processingWorker", Processing.fast("APP_ROLE", "worker"));
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.stop();
        }
    }

    @Test
    void shouldCompleteAPlacedOrderAndRecordEachTransitionOnce() throws Exception {
        String token = Orders.newCustomer("processed");
        String id = Orders.place(token).getString("id");

        Processing.awaitStatus(id, "COMPLETED");

        JsonObject order = Api.json(Orders.get(token, "/api/orders/" + id));
        assertThat(order.getString("status")).isEqualTo("COMPLETED");
        assertThat(order.getString("total")).isEqualTo("20.29");
        assertThat(Processing.history(id))
                .containsExactly("null>PENDING", "PENDING>PROCESSING", "PROCESSING>COMPLETED");
        List<JsonObject> history = Api.json(Orders.get(token, "/api/orders/" + id + "/history"))
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(history).extracting(entry -> entry.getString("from_status", "-") + ">"
                + entry.getString("to_status"))
                .containsExactly("->PENDING", "PENDING>PROCESSING", "PROCESSING>COMPLETED");
        assertThat(history.get(2).getString("changed_at")).isEqualTo(order.getString("updated_at"));
        assertThat(Orders.get(Orders.newCustomer("nosy"), "/api/orders/" + id + "/history").statusCode())
                .isEqualTo(404);
        assertThat(Database.queryString("SELECT state || ' ' || deliveries FROM order_jobs WHERE order_id = ?::uuid",
                id)).isEqualTo("DONE 1");
    }

    @Test
    void shouldShowProcessingOnTheMetricsOfBothRoles() {
        Processing.awaitStatus(Orders.place(Orders.newCustomer("measured")).getString("id"), "COMPLETED");

        String workerMetrics = Metrics.scrape(worker.base());
        assertThat(Metrics.value(workerMetrics, "order_jobs_processed_total")).isPositive();
        assertThat(Metrics.value(workerMetrics, "order_completion_latency_seconds_count")).isPositive();
        assertThat(workerMetrics).contains("order_processing_duration_seconds_bucket{");
        assertThat(Metrics.value(workerMetrics, "order_jobs_failed_total")).isZero();

        String apiMetrics = Metrics.scrape(Api.BASE);
        assertThat(Metrics.value(apiMetrics, "order_relay_batch_size_count")).isPositive();
        for (String gauge : new String[] {"order_queue_depth", "order_queue_in_flight", "order_dead_letters",
            "order_outbox_unpublished", "order_outbox_lag_seconds", "order_queue_oldest_age_seconds"}) {
            assertThat(Metrics.value(apiMetrics, gauge)).as(gauge).isGreaterThanOrEqualTo(0);
        }
    }
}
