package org.orderplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Accounts on the test server: fresh users for each test, tokens, and the superuser the build configured. */
public final class Accounts {

    public static final String PASSWORD = "Correct-Horse-42";
    public static final String SUPERUSER_EMAIL = System.getProperty("it.superuser.email");
    public static final String SUPERUSER_PASSWORD = System.getProperty("it.superuser.password");

    private Accounts() {
    }

    /** An email nobody has used yet. */
    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.org";
    }

    /**
     * Registers from a client address of its own (X-Forwarded-For), so that the registrations of one test never count
     * against the per-address limit of another.
     */
    public static HttpResponse<String> register(String email, String password, String fullName) {
        return Api.send(Api.request("/api/auth/register")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", randomClientAddress())
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", email).add("password", password).add("full_name", fullName).build()
                        .toString())));
    }

    /** An address of the benchmarking range 198.18.0.0/15, different for (nearly) every call. */
    public static String randomClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Registers a new user and returns its JSON. */
    public static JsonObject newUser(String prefix) {
        HttpResponse<String> response = register(uniqueEmail(prefix), PASSWORD, "Test " + prefix);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Api.json(response);
    }

    /**
     * Logs in as a client of its own (a random X-Forwarded-For address), so that failed logins of one test never
     * count against the per-address limit of another.
     */
    public static HttpResponse<String> login(String email, String password) {
        return login(email, password, randomClientAddress());
    }

    /** Logs in as a client at {@code clientAddress} (X-Forwarded-For, believed from the loopback proxy). */
    public static HttpResponse<String> login(String email, String password, String clientAddress) {
        return Api.send(Api.request("/api/auth/login")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", email).add("password", password).build().toString())));
    }

    /** Logs in and returns the token response. */
    public static JsonObject tokens(String email, String password) {
        HttpResponse<String> response = login(email, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    public static String accessToken(String email, String password) {
        return tokens(email, password).getString("access_token");
    }

    public static String superuserToken() {
        return accessToken(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
    }

    public static HttpRequest.Builder authorized(String path, String accessToken) {
        return Api.request(path).header("Authorization", "Bearer " + accessToken);
    }

    public static HttpResponse<String> postJson(String path, String json) {
        return Api.send(Api.request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> sendJson(HttpRequest.Builder request, String method, String json) {
        return Api.send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }
}
