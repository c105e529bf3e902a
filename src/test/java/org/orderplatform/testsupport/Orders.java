package org.orderplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Orders on the test server, through the API. */
public final class Orders {

    /** Two lines: 3 x 0.10 + 1 x 19.99 = 20.29 USD. */
    public static final String VALID = "{\"items\":[{\"sku\":\"A-1\",\"name\":\"Apple\",\"quantity\":3,"
            + "\"unit_price\":0.10},{\"sku\":\"B.2_x\",\"name\":\"Box\",\"quantity\":1,\"unit_price\":\"19.99\"}],"
            + "\"notes\":\"leave at the door\"}";

    private Orders() {
    }

    /**
     * An order of {@code lines} lines named {@code name}, each of the largest quantity and unit price allowed, in CHF.
     */
    public static String largest(int lines, String name) {
        return IntStream.rangeClosed(1, lines)
                .mapToObj(line -> "{\"sku\":\"MAX-" + line + "\",\"name\":\"" + name + "\",\"quantity\":10000,"
                        + "\"unit_price\":\"9999999999.99\"}")
                .collect(Collectors.joining(",", "{\"items\":[", "],\"currency\":\"CHF\"}"));
    }

    public static HttpResponse<String> post(String token, String json) {
        return Accounts.sendJson(Accounts.authorized("/api/orders", token), "POST", json);
    }

    /** Places {@link #VALID} and returns the order. */
    public static JsonObject place(String token) {
        HttpResponse<String> response = post(token, VALID);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response);
    }

    public static HttpResponse<String> get(String token, String path) {
        return Api.send(Accounts.authorized(path, token).GET());
    }

    public static HttpResponse<String> send(String token, String path, String method) {
        return Api.send(Accounts.authorized(path, token).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** A fresh user's access token. */
    public static String newCustomer(String prefix) {
        return Accounts.accessToken(Accounts.newUser(prefix).getString("email"), Accounts.PASSWORD);
    }
}
