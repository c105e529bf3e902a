package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Orders.get;
import static org.orderplatform.testsupport.Orders.newCustomer;
import static org.orderplatform.testsupport.Orders.place;
import static org.orderplatform.testsupport.Orders.post;
import static org.orderplatform.testsupport.Orders.send;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;

/** The order API end to end: place, read, list, replace, cancel, delete. */
class OrdersIT {

    @Test
    void shouldPlacePendingOrderWithExactTotals() {
        String token = newCustomer("buyer");

        HttpResponse<String> response = post(token, org.orderplatform.testsupport.Orders.VALID);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject order = Api.json(response);
        assertThat(order.getString("status")).isEqualTo("PENDING");
        assertThat(order.getString("total")).isEqualTo("20.29");
        assertThat(order.getString("currency")).isEqualTo("USD");
        assertThat(order.getJsonArray("items").getJsonObject(0).getString("line_total")).isEqualTo("0.30");
        assertThat(order.getJsonArray("items").getJsonObject(0).getString("unit_price")).isEqualTo("0.10");
        assertThat(response.headers().firstValue("Location")).get().asString()
                .endsWith("/api/orders/" + order.getString("id"));
        assertThat(response.headers().firstValue("ETag")).contains("\"" + order.getInt("version") + "\"");
        HttpResponse<String> read = get(token, "/api/orders/" + order.getString("id"));
        assertThat(Api.json(read)).isEqualTo(order);
    }

    @Test
    void shouldListOwnOrdersNewestFirstOnBothPaths() {
        String token = newCustomer("lister");
        JsonObject first = place(token);
        HttpResponse<String> viaSlash = Accounts.sendJson(Accounts.authorized("/api/orders/", token), "POST",
                org.orderplatform.testsupport.Orders.VALID);
        assertThat(viaSlash.statusCode()).isEqualTo(201);
        JsonObject second = Api.json(viaSlash);

        for (String path : List.of("/api/orders", "/api/orders/")) {
            JsonObject page = Api.json(get(token, path));
            assertThat(page.getInt("total")).isEqualTo(2);
            assertThat(page.getInt("page")).isEqualTo(1);
            assertThat(page.getInt("size")).isEqualTo(20);
            assertThat(ids(page)).containsExactly(second.getString("id"), first.getString("id"));
        }
        assertThat(ids(Api.json(get(token, "/api/orders?sort=created_at,asc"))))
                .containsExactly(first.getString("id"), second.getString("id"));
    }

    @Test
    void shouldPageWithoutOverlapAndFilterByStatus() {
        String token = newCustomer("pager");
        for (int i = 0; i < 5; i++) {
            place(token);
        }
        String cancelled = place(token).getString("id");
        send(token, "/api/orders/" + cancelled + "/cancel", "POST");

        List<String> seen = new java.util.ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            seen.addAll(ids(Api.json(get(token, "/api/orders?size=2&page=" + page))));
        }
        JsonObject onlyCancelled = Api.json(get(token, "/api/orders?status=CANCELLED"));

        assertThat(seen).hasSize(6).doesNotHaveDuplicates();
        assertThat(onlyCancelled.getInt("total")).isEqualTo(1);
        assertThat(ids(onlyCancelled)).containsExactly(cancelled);
    }

    @Test
    void shouldKeepPagesInPlaceWhileNewOrdersArriveWhenAsOfIsPassedBack() {
        String token = newCustomer("snapshot");
        List<String> placed = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            placed.add(place(token).getString("id"));
        }
        HttpResponse<String> first = get(token, "/api/orders?size=2");
        String asOf = first.headers().firstValue("List-As-Of").orElseThrow();

        place(token); // arrives between page 1 and page 2
        JsonObject second = Api.json(get(token, "/api/orders?size=2&page=2&as_of="
                + java.net.URLEncoder.encode(asOf, java.nio.charset.StandardCharsets.UTF_8)));

        List<String> seen = new java.util.ArrayList<>(ids(Api.json(first)));
        seen.addAll(ids(second));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(placed).doesNotHaveDuplicates();
        assertThat(second.getInt("total")).isEqualTo(3);
    }

    @Test
    void shouldReplacePendingOrderWithMatchingVersionOnly() {
        String token = newCustomer("editor");
        JsonObject order = place(token);
        String path = "/api/orders/" + order.getString("id");
        String replacement = "{\"items\":[{\"sku\":\"C-3\",\"name\":\"Cable\",\"quantity\":2,\"unit_price\":1.25}],"
                + "\"currency\":\"EUR\"}";

        HttpResponse<String> replaced = Api.send(Accounts.authorized(path, token)
                .header("Content-Type", "application/json").header("If-Match", "\"" + order.getInt("version") + "\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(replacement)));
        HttpResponse<String> stale = Api.send(Accounts.authorized(path, token)
                .header("Content-Type", "application/json").header("If-Match", "\"" + order.getInt("version") + "\"")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(replacement)));

        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        JsonObject updated = Api.json(replaced);
        assertThat(updated.getString("total")).isEqualTo("2.50");
        assertThat(updated.getString("currency")).isEqualTo("EUR");
        assertThat(updated.containsKey("notes")).isFalse();
        assertThat(updated.getInt("version")).isGreaterThan(order.getInt("version"));
        assertProblem(stale, 412, path);
        assertThat(Api.json(get(token, path)).getString("total")).isEqualTo("2.50");
    }

    @Test
    void shouldTakeTheVersionFromTheBodyWithoutIfMatch() {
        String token = newCustomer("body-version");
        JsonObject order = place(token);
        String path = "/api/orders/" + order.getString("id");
        String body = "{\"items\":[{\"sku\":\"D\",\"name\":\"Dice\",\"quantity\":1,\"unit_price\":2}],"
                + "\"version\":%d}";

        HttpResponse<String> stale = Accounts.sendJson(Accounts.authorized(path, token), "PUT",
                body.formatted(order.getInt("version") + 5));
        HttpResponse<String> current = Accounts.sendJson(Accounts.authorized(path, token), "PUT",
                body.formatted(order.getInt("version")));

        assertProblem(stale, 412, path);
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
    }

    @Test
    void shouldCancelOnlyPendingOrders() {
        String token = newCustomer("canceller");
        String path = "/api/orders/" + place(token).getString("id");

        HttpResponse<String> cancelled = send(token, path + "/cancel", "POST");

        assertThat(Api.json(cancelled).getString("status")).isEqualTo("CANCELLED");
        assertProblem(send(token, path + "/cancel", "POST"), 409, path + "/cancel");
        assertProblem(Accounts.sendJson(Accounts.authorized(path, token).header("If-Match", "*"), "PUT",
                org.orderplatform.testsupport.Orders.VALID), 409, path);
    }

    @Test
    void shouldDeleteOrder() {
        String token = newCustomer("deleter");
        String path = "/api/orders/" + place(token).getString("id");

        assertThat(send(token, path, "DELETE").statusCode()).isEqualTo(204);

        assertProblem(get(token, path), 404, path);
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isZero();
    }

    @Test
    void shouldAnswerUnknownOrderWith404() {
        String token = newCustomer("seeker");
        String path = "/api/orders/00000000-0000-0000-0000-000000000000";

        assertProblem(get(token, path), 404, path);
        assertProblem(send(token, path, "DELETE"), 404, path);
        assertProblem(send(token, path + "/cancel", "POST"), 404, path + "/cancel");
    }

    static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject).map(o -> o.getString("id")).toList();
    }
}
