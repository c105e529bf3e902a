package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.Replicas;

/**
 * Two replicas running everything (relay and workers) on one PostgreSQL and Redis, with orders placed on both:
 * each of 500 orders is processed exactly once - one delivery, one pass through each status - and both replicas
 * share the work.
 */
class TwoReplicasIT {

    static final int ORDERS = 500;
    static final int CLIENTS = 10;

    @RegisterExtension
    final Replicas replicas = new Replicas();
    private final List<URI> bases = new ArrayList<>();

    @BeforeEach
    void startReplicas() {
        // a lease long enough that no pause of a busy test machine can make a job change hands
        for (String name : new String[] {"replicaA", "replicaB"}) {
            bases.add(replicas.start(name, Processing.fast("APP_ROLE", "all", "FULFILMENT_DELAY_MS", "5",
                    "JOB_LEASE_SECONDS", "60")).base());
        }
    }

    @Test
    void shouldProcessEachOfManyOrdersExactlyOnceAcrossTwoReplicas() throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            tokens.add(Orders.newCustomer("replicas"));
        }
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> placing = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String token = tokens.get(c);
                URI replica = bases.get(c % 2);
                placing.add(clients.submit(() -> {
                    for (int i = 0; i < ORDERS / CLIENTS; i++) {
                        HttpResponse<String> placed = Api.send(Api.request(replica, "/api/orders")
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Orders.VALID)));
                        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
                        ids.add(Api.json(placed).getString("id"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : placing) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(ids).hasSize(ORDERS);

        Processing.awaitAll(ids, "COMPLETED");

        String idArray = "{" + String.join(",", ids) + "}";
        assertThat(Database.queryString("SELECT count(*) FROM order_status_history WHERE order_id = ANY (?::uuid[])",
                idArray)).as("three status records per order").isEqualTo(Integer.toString(3 * ORDERS));
        assertThat(Database.queryString("SELECT count(*) FROM order_status_history WHERE order_id = ANY (?::uuid[]) "
                + "AND to_status = 'COMPLETED'", idArray)).isEqualTo(Integer.toString(ORDERS));
        assertThat(Database.queryString("SELECT count(*) FROM order_jobs WHERE order_id = ANY (?::uuid[]) "
                + "AND state = 'DONE' AND deliveries = 1", idArray))
                .as("each job delivered to a worker exactly once").isEqualTo(Integer.toString(ORDERS));
        assertThat(processors(idArray)).as("replicas that processed jobs").hasSize(2);
    }

    /** The replicas (host:pid) whose workers finished these orders' jobs. */
    private static List<String> processors(String idArray) throws Exception {
        List<String> replicas = new ArrayList<>();
        try (Connection db = Database.connect();
             PreparedStatement statement = db.prepareStatement("SELECT DISTINCT split_part(claimed_by, '/', 1) "
                     + "FROM order_jobs WHERE order_id = ANY (?::uuid[])")) {
            statement.setString(1, idArray);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    replicas.add(rows.getString(1));
                }
            }
        }
        return replicas;
    }
}
