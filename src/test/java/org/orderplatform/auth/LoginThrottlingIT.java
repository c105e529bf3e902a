package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;

/**
 * The test server allows 5 failed logins per account and 20 per client IP (pom.xml). Each test logs in from a
 * client address of its own (X-Forwarded-For, trusted from the loopback proxy), so that they do not interfere.
 */
class LoginThrottlingIT {

    static final int PER_ACCOUNT = 5;
    static final int PER_IP = 20;

    @Test
    void shouldThrottleAccountAfterRepeatedFailuresEvenForTheRightPassword() {
        String email = newUser("throttled").getString("email");
        String ip = randomClientIp();
        for (int i = 0; i < PER_ACCOUNT; i++) {
            assertThat(login(email, "Wrong-Pass-" + i, ip).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> refused = login(email, PASSWORD, ip);

        JsonObject problem = assertProblem(refused, 429, "/api/auth/login");
        assertThat(problem.getString("type")).isEqualTo("/problems/too-many-login-attempts");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(login(email, PASSWORD, randomClientIp()).statusCode())
                .as("the account is throttled whatever the address").isEqualTo(429);
    }

    @Test
    void shouldResetAccountCountAfterSuccessfulLogin() {
        String email = newUser("reset").getString("email");
        String ip = randomClientIp();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < PER_ACCOUNT - 1; i++) {
                assertThat(login(email, "Wrong-Pass-" + i, ip).statusCode()).isEqualTo(401);
            }
            assertThat(login(email, PASSWORD, ip).statusCode()).as("round " + round).isEqualTo(200);
        }
    }

    @Test
    void shouldThrottleClientAddressAcrossAccounts() {
        String ip = randomClientIp();
        for (int i = 0; i < PER_IP; i++) {
            assertThat(login("nobody-" + i + "-" + ip + "@example.org", "Wrong-Pass-1", ip).statusCode())
                    .isEqualTo(401);
        }
        String email = newUser("bystander").getString("email");

        assertProblem(login(email, PASSWORD, ip), 429, "/api/auth/login");
        assertThat(login(email, PASSWORD, randomClientIp()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotLetParallelGuessesPastTheLimit() throws Exception {
        String email = newUser("parallel").getString("email");
        String ip = randomClientIp();
        int guesses = 15;
        ExecutorService attackers = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                int guess = i;
                statuses.add(attackers.submit(() -> login(email, "Wrong-Pass-" + guess, ip).statusCode()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered.stream().filter(status -> status == 401).count()).isLessThanOrEqualTo(PER_ACCOUNT);
            assertThat(answered).containsOnly(401, 429);
        } finally {
            attackers.shutdownNow();
        }
    }

    private static HttpResponse<String> login(String email, String password, String clientIp) {
        return Api.send(Api.request("/api/auth/login")
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientIp)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("email", email).add("password", password).build().toString())));
    }

    /** An address from a documentation range, different for every call. */
    private static String randomClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
