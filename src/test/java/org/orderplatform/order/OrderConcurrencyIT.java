package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Orders.get;
import static org.orderplatform.testsupport.Orders.newCustomer;
import static org.orderplatform.testsupport.Orders.place;
import static org.orderplatform.testsupport.ProblemAssertions.assertOnlyStatuses;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Concurrently;
import org.orderplatform.testsupport.Orders;

/**
 * Optimistic concurrency on PUT, idempotent creation, and many clients racing to change, cancel and delete one
 * order: each request is answered 2xx, 409 or 412 (404 once the order is deleted) - never a 5xx - and the order
 * ends as the acknowledged changes say: its version counts them, it holds the content of the last one, and nothing
 * changes it after its cancellation.
 */
class OrderConcurrencyIT {

    static final int CLIENTS = 6;
    static final int RACERS = 20;

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

        HttpResponse<String> different = postWithKey(token, key,
                Orders.VALID.replace("\"quantity\":3", "\"quantity\":4"));

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

    @Test
    void shouldApplyEveryConcurrentPutWithIfMatchAnyInTurn() throws Exception {
        String token = newCustomer("any-version");
        JsonObject order = place(token);
        String path = "/api/orders/" + order.getString("id");

        List<HttpResponse<String>> responses = Concurrently.run(RACERS, client -> put(token, path, "*", client));

        assertOnlyStatuses(responses, 200);
        assertThat(versions(responses)).as("one version per acknowledged PUT")
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, RACERS)
                        .mapToObj(step -> version(order) + step).toList());
        assertHoldsLastAcknowledgedPut(token, path, order, responses);
    }

    @Test
    void shouldLetAtMostOnePutOfTheReadVersionWinAmongConcurrentPuts() throws Exception {
        String token = newCustomer("read-version");
        JsonObject order = place(token);
        String path = "/api/orders/" + order.getString("id");
        String read = "\"" + version(order) + "\"";

        List<HttpResponse<String>> responses = Concurrently.run(RACERS, client ->
                put(token, path, client % 2 == 0 ? read : "*", client));

        assertOnlyStatuses(responses, 200, 412);
        assertThat(responses.stream().filter(response -> ifMatch(response).equals("*")))
                .as("PUTs with If-Match: *").allMatch(response -> response.statusCode() == 200);
        assertThat(responses.stream().filter(response -> ifMatch(response).equals(read))
                .filter(response -> response.statusCode() == 200)).as("PUTs of the read version that won")
                .hasSizeLessThanOrEqualTo(1);
        assertHoldsLastAcknowledgedPut(token, path, order, responses);
    }

    @Test
    void shouldNeverChangeAnOrderAfterItsCancellation() throws Exception {
        String token = newCustomer("cancel-race");
        JsonObject order = place(token);
        String path = "/api/orders/" + order.getString("id");

        List<HttpResponse<String>> responses = Concurrently.run(RACERS, client -> client % 2 == 0
                ? put(token, path, "*", client) : Orders.send(token, path + "/cancel", "POST"));

        assertOnlyStatuses(responses, 200, 409);
        List<HttpResponse<String>> cancels = responses.stream().filter(OrderConcurrencyIT::isCancel).toList();
        List<HttpResponse<String>> puts = responses.stream().filter(response -> !isCancel(response)).toList();
        List<HttpResponse<String>> cancelled = cancels.stream().filter(response -> response.statusCode() == 200)
                .toList();
        assertThat(cancelled).as("cancels that succeeded").hasSize(1);
        long cancelVersion = Api.json(cancelled.get(0)).getJsonNumber("version").longValue();
        assertThat(versions(puts)).as("versions of the acknowledged PUTs: all before the cancellation")
                .allMatch(version -> version < cancelVersion);
        JsonObject after = Api.json(get(token, path));
        assertThat(after.getString("status")).isEqualTo("CANCELLED");
        assertThat(version(after)).as("version: the order's, plus one per acknowledged PUT, plus the cancel")
                .isEqualTo(cancelVersion).isEqualTo(version(order) + versions(puts).size() + 1);
        assertThat(after.getString("notes")).as("the content of the last PUT before the cancellation")
                .isEqualTo(lastAcknowledged(puts).map(put -> put.getString("notes")).orElse(order.getString("notes")));
        assertThat(Api.json(get(token, path + "/history")).getJsonArray("items").stream()
                .map(entry -> entry.asJsonObject().getString("to_status")))
                .containsExactly("PENDING", "CANCELLED");
    }

    @Test
    void shouldAnswerRacingDeletesUpdatesAndCancelsWithNotFoundOnceDeleted() throws Exception {
        String token = newCustomer("delete-race");
        String path = "/api/orders/" + place(token).getString("id");

        List<HttpResponse<String>> responses = Concurrently.run(RACERS, client -> switch (client % 3) {
            case 0 -> Orders.send(token, path, "DELETE");
            case 1 -> put(token, path, "*", client);
            default -> Orders.send(token, path + "/cancel", "POST");
        });

        assertOnlyStatuses(responses, 200, 204, 404, 409);
        List<HttpResponse<String>> deletes = responses.stream()
                .filter(response -> response.request().method().equals("DELETE")).toList();
        assertThat(deletes.stream().filter(response -> response.statusCode() == 204)).as("deletes that succeeded")
                .hasSize(1);
        assertThat(deletes).as("deletes: one 204, then 404").allMatch(response -> response.statusCode() == 204
                || response.statusCode() == 404);
        assertThat(responses.stream().filter(OrderConcurrencyIT::isCancel)
                .filter(response -> response.statusCode() == 200)).as("cancels that succeeded")
                .hasSizeLessThanOrEqualTo(1);
        assertProblem(get(token, path), 404, path);
    }

    /** The order holds the content of the acknowledged PUT with the highest version, and that version. */
    private static void assertHoldsLastAcknowledgedPut(String token, String path, JsonObject before,
                                                       List<HttpResponse<String>> responses) {
        HttpResponse<String> current = get(token, path);
        JsonObject after = Api.json(current);
        JsonObject last = lastAcknowledged(responses).orElseThrow();
        assertThat(version(after)).as("version: the order's plus one per acknowledged PUT")
                .isEqualTo(version(before) + versions(responses).size()).isEqualTo(version(last));
        assertThat(current.headers().firstValue("ETag")).hasValue("\"" + version(after) + "\"");
        assertThat(after.getString("notes")).isEqualTo(last.getString("notes"));
        assertThat(after.getJsonArray("items")).isEqualTo(last.getJsonArray("items"));
        assertThat(after.getString("status")).isEqualTo("PENDING");
    }

    private static Optional<JsonObject> lastAcknowledged(List<HttpResponse<String>> responses) {
        return responses.stream().filter(response -> response.statusCode() == 200).map(Api::json)
                .max(Comparator.comparingLong(OrderConcurrencyIT::version));
    }

    private static List<Long> versions(List<HttpResponse<String>> responses) {
        return responses.stream().filter(response -> response.statusCode() == 200).map(Api::json)
                .map(OrderConcurrencyIT::version).toList();
    }

    private static long version(JsonObject order) {
        return order.getJsonNumber("version").longValue();
    }

    private static boolean isCancel(HttpResponse<String> response) {
        return response.uri().getPath().endsWith("/cancel");
    }

    private static String ifMatch(HttpResponse<String> response) {
        return response.request().headers().firstValue("If-Match").orElse("");
    }

    /** Client {@code client}'s own content (one line, its own notes) for the order, with this If-Match. */
    private static HttpResponse<String> put(String token, String path, String ifMatch, int client) {
        return Api.send(Accounts.authorized(path, token).header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\":[{\"sku\":\"R-" + client + "\",\"name\":\"Racer\","
                        + "\"quantity\":" + (client + 1) + ",\"unit_price\":\"1.50\"}],\"notes\":\"client " + client
                        + "\"}")));
    }

    private static HttpResponse<String> postWithKey(String token, String key, String json) {
        return Api.send(Accounts.authorized("/api/orders", token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static List<Integer> concurrently(Concurrently.Client<Integer> client) throws Exception {
        return Concurrently.run(CLIENTS, client);
    }
}
