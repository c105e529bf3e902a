package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Concurrently;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Replicas;

/**
 * A login answered 503 "busy" - no turn for the password check - was never judged, so it must not count against the
 * account: on a replica that checks one password at a time and does not wait for a turn, parallel wrong guesses
 * are counted only as often as they were answered 401.
 */
class BusyPasswordChecksIT {

    @RegisterExtension
    final Replicas replicas = new Replicas();

    @Test
    void shouldNotCountLoginsRefusedAsBusyAsFailures() throws Exception {
        ExtraServer narrow = replicas.start("busyPasswordChecks", Map.of("APP_ROLE", "api",
                "PASSWORD_HASH_CONCURRENCY", "1", "PASSWORD_HASH_WAIT_MS", "0",
                "LOGIN_MAX_FAILURES_PER_ACCOUNT", "50"));
        JsonObject user = Accounts.newUser("busy");

        List<Integer> statuses = Concurrently.run(12, i -> login(narrow.base(), user.getString("email")).statusCode());

        assertThat(statuses).containsOnly(401, 503).contains(503);
        JsonObject lockout = Api.json(Api.send(Accounts.authorized("/api/users/" + user.getJsonNumber("id")
                + "/lockout", Accounts.superuserToken()).GET()));
        assertThat(lockout.getInt("failed_attempts"))
                .isEqualTo((int) statuses.stream().filter(status -> status == 401).count());
    }

    private static HttpResponse<String> login(URI base, String email) {
        return Api.send(Api.request(base, "/api/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"Wrong-1\"}")));
    }
}
