package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Orders.get;
import static org.orderplatform.testsupport.Orders.newCustomer;
import static org.orderplatform.testsupport.Orders.place;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Orders;

/** Optimistic concurrency on PUT, and idempotent creation. */
class OrderConcurrencyIT {

    static final int CLIENTS = 6;

    @Test
    void shouldLetExactlyOneOfConcurrentPutsWithTheSameVersionWin() throws Exception {
        String token = newCustomer("racer");
        JsonObject order = place(token);
        String path = "/api/orders/" + order.getString("id");

        List<Integer> statuses = concurrently(client -> Api.send(Accounts.authorized(path, token)
                .header("Content-Type", "application/json").header("If-Match", "\"" + order.getInt("version") + "\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"sku\":\"C-" + client + "\",\"name\":\"N\","
                        + "\"quantity\":1,\"unit_price\":1}]}"))).statusCode());

        assertThat(statuses).containsOnly(200, 412);
        assertThat(statuses.stream().filter(status -> status == 200)).hasSize(1);
        assertThat(Api.json(get(token, path)).getInt("version")).isGreaterThan(order.getInt("version"));
    }

    @Test
    void shouldReturnTheSameOrderForARepeatedIdempotencyKey() {
        String token = newCustomer("retry");
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = postWithKey(token, key, Orders.VALID);
        HttpResponse<String> again = postWithKey(token, key, Orders.VALID.replace("0.10", "0.1"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Api.json(again).getString("id")).isEqualTo(Api.json(first).getString("id"));
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheSameKeyForADifferentBody() {
        String token = newCustomer("reuse");
        String key = UUID.randomUUID().toString();
        postWithKey(token, key, Orders.VALID);

        HttpResponse<String> different = postWithKey(token, key, Orders.VALID.replace("\"quantity\":3", "\"quantity\":4"));

        JsonObject problem = assertProblem(different, 422, "/api/orders");
        assertThat(problem.getString("type")).isEqualTo("/problems/idempotency-key-reused");
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isEqualTo(1);
    }

    @Test
    void shouldScopeIdempotencyKeysPerUser() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> alice = postWithKey(newCustomer("key-a"), key, Orders.VALID);
        HttpResponse<String> bob = postWithKey(newCustomer("key-b"), key, Orders.VALID);

        assertThat(alice.statusCode()).isEqualTo(201);
        assertThat(bob.statusCode()).isEqualTo(201);
        assertThat(Api.json(bob).getString("id")).isNotEqualTo(Api.json(alice).getString("id"));
    }

    @Test
    void shouldCreateOneOrderForConcurrentRequestsWithOneKey() throws Exception {
        String token = newCustomer("double-click");
        String key = UUID.randomUUID().toString();

        List<Integer> statuses = concurrently(client -> postWithKey(token, key, Orders.VALID).statusCode());

        assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        assertThat(statuses).containsOnly(201, 200);
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isEqualTo(1);
    }

    private static HttpResponse<String> postWithKey(String token, String key, String json) {
        return Api.send(Accounts.authorized("/api/orders", token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    interface Client {
        int call(int client) throws Exception;
    }

    private static List<Integer> concurrently(Client client) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int number = i;
                results.add(pool.submit((Callable<Integer>) () -> {
                    start.await();
                    return client.call(number);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
