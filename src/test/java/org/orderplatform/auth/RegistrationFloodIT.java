package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;

/**
 * Registrations are limited per client address (50 per window on the test server, pom.xml), and a flood of them -
 * each one hashes a password - leaves readiness and ordinary requests answering.
 */
class RegistrationFloodIT {

    static final int LIMIT = 50;
    static final int FLOOD = 70;

    @Test
    void shouldLimitRegistrationsPerAddressAndKeepServingOthersDuringAFlood() throws Exception {
        String bystander = Accounts.accessToken(Accounts.newUser("bystander").getString("email"), Accounts.PASSWORD);
        String flooder = Accounts.randomClientAddress();
        AtomicBoolean flooding = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(21);
        try {
            Future<List<Integer>> others = clients.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (flooding.get()) {
                    statuses.add(Api.get("/health/ready").statusCode());
                    statuses.add(Api.send(Accounts.authorized("/api/users/me", bystander).GET()).statusCode());
                }
                return statuses;
            });
            List<Future<HttpResponse<String>>> registrations = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                registrations.add(clients.submit(() -> register(flooder)));
            }
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> refused = null;
            for (Future<HttpResponse<String>> registration : registrations) {
                HttpResponse<String> response = registration.get();
                statuses.add(response.statusCode());
                refused = response.statusCode() == 429 ? response : refused;
            }
            flooding.set(false);

            assertThat(statuses).allMatch(status -> status == 201 || status == 429 || status == 503);
            assertThat(statuses.stream().filter(status -> status == 201).count()).isLessThanOrEqualTo(LIMIT);
            assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(FLOOD - LIMIT);
            assertThat(assertProblem(refused, 429, "/api/auth/register").getString("type"))
                    .isEqualTo("/problems/too-many-registrations");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(others.get()).isNotEmpty().containsOnly(200);
        } finally {
            flooding.set(false);
            clients.shutdownNow();
        }
        assertThat(register(Accounts.randomClientAddress()).statusCode()).as("another address").isEqualTo(201);
    }

    private static HttpResponse<String> register(String clientAddress) {
        return Api.send(Api.request("/api/auth/register")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", Accounts.uniqueEmail("flood")).add("password", Accounts.PASSWORD)
                        .build().toString())));
    }
}
