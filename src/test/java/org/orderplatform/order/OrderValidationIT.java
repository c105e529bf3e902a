package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Orders.get;
import static org.orderplatform.testsupport.Orders.newCustomer;
import static org.orderplatform.testsupport.Orders.post;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;

/** Every field's bounds, wrong types, unknown fields and broken bodies: a clear 4xx, and nothing is created. */
class OrderValidationIT {

    static String order(String item, String extra) {
        return "{\"items\":[" + item + "]" + extra + "}";
    }

    static String item(String sku, String name, String quantity, String unitPrice) {
        return "{\"sku\":" + sku + ",\"name\":" + name + ",\"quantity\":" + quantity + ",\"unit_price\":" + unitPrice
                + "}";
    }

    static final String OK_ITEM = item("\"A-1\"", "\"Apple\"", "1", "1.00");

    @Test
    void shouldRefuseEveryOutOfBoundsFieldWith422AndCreateNothing() {
        String token = newCustomer("bounds");
        Map<String, String> invalid = new java.util.LinkedHashMap<>();
        invalid.put("items", "{\"items\":[]}");
        invalid.put("items ", "{\"notes\":\"no items\"}");
        invalid.put("items  ", "{\"items\":[" + IntStream.range(0, 101).mapToObj(i -> OK_ITEM)
                .collect(Collectors.joining(",")) + "]}");
        invalid.put("items[0].sku", order(item("\"\"", "\"Apple\"", "1", "1"), ""));
        invalid.put("items[0].sku ", order(item("\"" + "s".repeat(65) + "\"", "\"Apple\"", "1", "1"), ""));
        invalid.put("items[0].sku  ", order(item("\"a b/c\"", "\"Apple\"", "1", "1"), ""));
        invalid.put("items[0].name", order(item("\"A\"", "\"\"", "1", "1"), ""));
        invalid.put("items[0].name ", order(item("\"A\"", "\"" + "n".repeat(201) + "\"", "1", "1"), ""));
        invalid.put("items[0].quantity", order(item("\"A\"", "\"Apple\"", "0", "1"), ""));
        invalid.put("items[0].quantity ", order(item("\"A\"", "\"Apple\"", "10001", "1"), ""));
        invalid.put("items[0].unit_price", order(item("\"A\"", "\"Apple\"", "1", "-0.01"), ""));
        invalid.put("items[0].unit_price ", order(item("\"A\"", "\"Apple\"", "1", "1.001"), ""));
        invalid.put("items[0].unit_price  ", order("{\"sku\":\"A\",\"name\":\"Apple\",\"quantity\":1}", ""));
        invalid.put("currency", order(OK_ITEM, ",\"currency\":\"usd\""));
        invalid.put("currency ", order(OK_ITEM, ",\"currency\":\"ABC\""));
        invalid.put("notes", order(OK_ITEM, ",\"notes\":\"" + "x".repeat(2001) + "\""));
        invalid.put("version", order(OK_ITEM, ",\"version\":3"));
        for (String field : List.of("id", "owner_id", "status", "total", "status_reason", "created_at")) {
            invalid.put(field, order(OK_ITEM, ",\"" + field + "\":\"1\""));
        }
        invalid.put("items[0].line_total", order("{\"sku\":\"A\",\"name\":\"Apple\",\"quantity\":1,"
                + "\"unit_price\":1,\"line_total\":0}", ""));
        invalid.put("items[0].name   ", order(item("\"A\"", "\"Ap\\u0000ple\"", "1", "1"), ""));
        invalid.put("notes ", order(OK_ITEM, ",\"notes\":\"bell\\u0007\""));
        // wrong JSON types
        invalid.put("items[0].quantity  ", order(item("\"A\"", "\"Apple\"", "\"many\"", "1"), ""));
        invalid.put("items[0].quantity   ", order(item("\"A\"", "\"Apple\"", "\"5\"", "1"), ""));
        invalid.put("items[0].quantity    ", order(item("\"A\"", "\"Apple\"", "1.5", "1"), ""));
        invalid.put("items[0].unit_price   ", order(item("\"A\"", "\"Apple\"", "1", "\"cheap\""), ""));
        invalid.put("items[0].sku   ", order(item("42", "\"Apple\"", "1", "1"), ""));
        invalid.put("notes  ", order(OK_ITEM, ",\"notes\":123"));
        invalid.put("items   ", "{\"items\":{}}");
        invalid.put("body", "[]");

        invalid.forEach((field, body) -> {
            JsonObject problem = assertProblem(post(token, body), 422, "/api/orders");
            assertThat(problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                    .map(error -> error.getString("field"))).as(body.length() > 300 ? field : body)
                    .contains(field.trim());
        });
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isZero();
    }

    @Test
    void shouldAcceptTheBoundsThemselves() {
        String token = newCustomer("edges");
        String hundred = IntStream.range(0, 100).mapToObj(i -> item("\"" + "s".repeat(64) + "\"",
                "\"" + "n".repeat(200) + "\"", "10000", "0")).collect(Collectors.joining(","));

        HttpResponse<String> response = post(token, "{\"items\":[" + hundred + "],\"currency\":\"JPY\",\"notes\":\""
                + "x".repeat(2000) + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(Api.json(response).getString("total")).isEqualTo("0.00");
    }

    @Test
    void shouldAnswerBrokenBodiesWith400And415() {
        String token = newCustomer("types");
        for (String body : List.of("{\"items\": [", "{items: []}", "{\"items\":[]}}")) {
            assertProblem(post(token, body), 400, "/api/orders");
        }
        HttpResponse<String> wrongType = Api.send(Accounts.authorized("/api/orders", token)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertProblem(wrongType, 415, "/api/orders");
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isZero();
    }

    @Test
    void shouldRefuseInvalidReplacementsAndChangeNothing() {
        String token = newCustomer("replacer");
        JsonObject order = org.orderplatform.testsupport.Orders.place(token);
        String path = "/api/orders/" + order.getString("id");
        HttpRequest.Builder put = Accounts.authorized(path, token)
                .header("If-Match", "\"" + order.getInt("version") + "\"");

        assertProblem(Api.send(Accounts.authorized(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(OrderValidationIT.order(OK_ITEM, "")))), 428, path);
        for (String body : List.of("{\"items\":[]}", order(OK_ITEM, ",\"total\":\"0.01\""),
                order(item("\"A\"", "\"Apple\"", "\"two\"", "1"), ""), order(OK_ITEM, ",\"currency\":\"XXX\""))) {
            assertProblem(Api.send(Accounts.authorized(path, token).header("If-Match", "*")
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))),
                    422, path);
        }
        assertProblem(Api.send(put.header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"items\": ["))), 400, path);
        assertProblem(Api.send(Accounts.authorized(path, token).header("If-Match", "*")
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{}"))), 415, path);
        String unknown = "/api/orders/" + java.util.UUID.randomUUID();
        assertProblem(Api.send(Accounts.authorized(unknown, token).header("If-Match", "*")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        order(OK_ITEM, "")))), 404, unknown);

        assertThat(Api.json(get(token, path))).as("unchanged").isEqualTo(order);
    }

    @Test
    void shouldRefuseBadListParameters() {
        String token = newCustomer("params");
        Map<String, String> invalid = Map.of("page=0", "page", "page=abc", "page", "size=101", "size",
                "size=0", "size", "status=SHIPPED", "status", "sort=price,desc", "sort", "all=maybe", "all",
                "as_of=yesterday", "as_of");

        invalid.forEach((query, field) -> {
            JsonObject problem = assertProblem(get(token, "/api/orders?" + query), 422, "/api/orders");
            assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).as(query).isEqualTo(field);
        });
        assertProblem(get(token, "/api/orders/not-a-uuid"), 422, "/api/orders/not-a-uuid");
    }
}
