package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.ExtraServer;
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
        assertThat(Database.queryString("SELECT state || ' ' || deliveries FROM order_jobs WHERE order_id = ?::uuid",
                id)).isEqualTo("DONE 1");
    }
}
