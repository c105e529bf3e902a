package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.Accounts.randomClientAddress;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;

/**
 * The test server allows 5 failed logins per account and client address, 20 per client address, and delays an
 * account after 12 failures from anywhere (pom.xml). Each test logs in from client addresses of its own
 * (X-Forwarded-For, believed from the loopback proxy), so that they do not interfere.
 */
class LoginThrottlingIT {

    static final int PER_ACCOUNT_AND_ADDRESS = 5;
    static final int PER_ADDRESS = 20;
    static final int DELAY_AFTER = 12;

    @Test
    void shouldRefuseTheGuessingAddressEvenTheRightPasswordButLetTheOwnerInFromElsewhere() {
        String email = newUser("throttled").getString("email");
        String attacker = randomClientAddress();
        failLogins(email, attacker, PER_ACCOUNT_AND_ADDRESS);

        HttpResponse<String> refused = login(email, PASSWORD, attacker);

        JsonObject problem = assertProblem(refused, 429, "/api/auth/login");
        assertThat(problem.getString("type")).isEqualTo("/problems/too-many-login-attempts");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(login(email, PASSWORD, randomClientAddress()).statusCode())
                .as("the owner, from another address").isEqualTo(200);
    }

    @Test
    void shouldNotLockTheSuperuserOutWhenSomebodyGuessesItsPassword() {
        failLogins(Accounts.SUPERUSER_EMAIL, randomClientAddress(), PER_ACCOUNT_AND_ADDRESS);

        assertThat(login(Accounts.SUPERUSER_EMAIL, Accounts.SUPERUSER_PASSWORD, randomClientAddress()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldLetTheOwnerChangeTheirAccountWhileSomebodyElseGuesses() {
        String email = newUser("patch-while-attacked").getString("email");
        String owner = randomClientAddress();
        String token = Api.json(login(email, PASSWORD, owner)).getString("access_token");
        failLogins(email, randomClientAddress(), PER_ACCOUNT_AND_ADDRESS);

        HttpResponse<String> changed = Api.send(Accounts.authorized("/api/users/me", token)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", owner)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"moved-" + email + "\",\"current_password\":\"" + PASSWORD + "\"}")));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void shouldResetTheAddressCountAfterASuccessfulLogin() {
        String email = newUser("reset").getString("email");
        String address = randomClientAddress();
        for (int round = 0; round < 2; round++) {
            failLogins(email, address, PER_ACCOUNT_AND_ADDRESS - 1);
            assertThat(login(email, PASSWORD, address).statusCode()).as("round " + round).isEqualTo(200);
        }
    }

    @Test
    void shouldThrottleClientAddressAcrossAccounts() {
        String address = randomClientAddress();
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(login("nobody-" + i + "-" + address + "@example.org", "Wrong-Pass-1", address).statusCode())
                    .isEqualTo(401);
        }
        String email = newUser("bystander").getString("email");

        assertProblem(login(email, PASSWORD, address), 429, "/api/auth/login");
        assertThat(login(email, PASSWORD, randomClientAddress()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSlowDownGuessesFromManyAddressesWithGrowingDelaysRatherThanALock() {
        String email = newUser("stuffed").getString("email");
        for (int i = 0; i < DELAY_AFTER; i++) {
            assertThat(login(email, "Wrong-Pass-" + i, randomClientAddress()).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> delayed = login(email, "Wrong-Pass-x", randomClientAddress());
        assertProblem(delayed, 429, "/api/auth/login");
        assertThat(delayed.headers().firstValue("Retry-After")).hasValue("1");

        HttpResponse<String> afterTheDelay = awaitNotDelayed(email, "Wrong-Pass-y");
        assertThat(afterTheDelay.statusCode()).as("a guess after the delay is judged").isEqualTo(401);
        HttpResponse<String> delayedLonger = login(email, PASSWORD, randomClientAddress());
        assertProblem(delayedLonger, 429, "/api/auth/login");
        assertThat(delayedLonger.headers().firstValue("Retry-After")).as("the delay doubled").hasValue("2");
        assertThat(awaitNotDelayed(email, PASSWORD).statusCode()).as("the owner gets in after the delay")
                .isEqualTo(200);
    }

    @Test
    void shouldLetASuperuserSeeAndClearAnAccountsLockout() {
        JsonObject user = newUser("unlocked");
        String email = user.getString("email");
        String address = randomClientAddress();
        failLogins(email, address, PER_ACCOUNT_AND_ADDRESS);
        String admin = Accounts.superuserToken();
        String lockout = "/api/users/" + user.getJsonNumber("id") + "/lockout";

        JsonObject before = Api.json(Api.send(Accounts.authorized(lockout, admin).GET()));
        assertThat(before.getInt("failed_attempts")).isEqualTo(PER_ACCOUNT_AND_ADDRESS);
        assertThat(before.getInt("locked_addresses")).isEqualTo(1);
        assertThat(before.getBoolean("delayed")).isFalse();

        assertThat(Api.send(Accounts.authorized(lockout, admin).DELETE()).statusCode()).isEqualTo(204);

        assertThat(login(email, PASSWORD, address).statusCode()).isEqualTo(200);
        JsonObject after = Api.json(Api.send(Accounts.authorized(lockout, admin).GET()));
        assertThat(after.getInt("failed_attempts")).isZero();
        assertThat(after.getInt("locked_addresses")).isZero();
    }

    @Test
    void shouldNotLetAUserClearTheirOwnLockout() {
        JsonObject user = newUser("self-unlock");
        String token = Accounts.accessToken(user.getString("email"), PASSWORD);

        HttpResponse<String> refused = Api.send(Accounts.authorized("/api/users/" + user.getJsonNumber("id")
                + "/lockout", token).DELETE());

        assertProblem(refused, 403, "/api/users/" + user.getJsonNumber("id") + "/lockout");
    }

    @Test
    void shouldNotLetParallelGuessesPastTheLimit() throws Exception {
        String email = newUser("parallel").getString("email");
        String address = randomClientAddress();
        int guesses = 15;
        ExecutorService attackers = Executors.newFixedThreadPool(guesses);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                int guess = i;
                statuses.add(attackers.submit(() -> login(email, "Wrong-Pass-" + guess, address).statusCode()));
            }
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get());
            }
            assertThat(answered.stream().filter(status -> status == 401).count())
                    .isLessThanOrEqualTo(PER_ACCOUNT_AND_ADDRESS);
            assertThat(answered).containsOnly(401, 429);
        } finally {
            attackers.shutdownNow();
        }
    }

    private static void failLogins(String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(login(email, "Wrong-Pass-" + i, address).statusCode()).isEqualTo(401);
        }
    }

    /** Tries (from new addresses) until the account's delay has passed; refused tries are not counted. */
    private static HttpResponse<String> awaitNotDelayed(String email, String password) {
        List<HttpResponse<String>> last = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = login(email, password, randomClientAddress());
            last.add(0, response);
            return response.statusCode() != 429;
        });
        return last.get(0);
    }
}
