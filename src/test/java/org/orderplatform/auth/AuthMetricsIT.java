package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.Accounts.postJson;

import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Metrics;

/**
 * What an ops engineer reads on /metrics about authentication. The counters count every client's registrations,
 * logins and refreshes on the shared test server, so the journey is made {@link #ROUNDS} times and each counter
 * must have moved by its share once per round (see {@link Metrics#assertMovedPerRound}).
 */
class AuthMetricsIT {

    static final int ROUNDS = 3;
    static final String REGISTRATIONS = "auth_registrations_total\\{mp_scope=\"application\",?}";
    static final String SUCCEEDED = "auth_logins_total\\{mp_scope=\"application\",outcome=\"succeeded\",?}";
    static final String FAILED = "auth_logins_total\\{mp_scope=\"application\",outcome=\"failed\",?}";
    static final String THROTTLED = "auth_logins_total\\{mp_scope=\"application\",outcome=\"throttled\",?}";
    static final String REFRESHED = "auth_tokens_refreshed_total\\{mp_scope=\"application\",?}";

    @Test
    void shouldCountRegistrationsLoginsAndRefreshes() {
        String before = Api.get("/metrics").body();

        for (int round = 0; round < ROUNDS; round++) {
            String email = newUser("metrics").getString("email");
            String refresh = Api.json(login(email, PASSWORD)).getString("refresh_token");
            assertThat(postJson("/api/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}").statusCode())
                    .isEqualTo(200);
            String attacker = Accounts.randomClientAddress();
            for (int i = 0; i < 6; i++) {
                login(email, "Wrong-Pass-" + i, attacker); // the sixth attempt is over the limit of 5
            }
        }

        Metrics.assertMovedPerRound(REGISTRATIONS, Metrics.sampleIn(before, REGISTRATIONS), ROUNDS, 1);
        Metrics.assertMovedPerRound(SUCCEEDED, Metrics.sampleIn(before, SUCCEEDED), ROUNDS, 1);
        Metrics.assertMovedPerRound(FAILED, Metrics.sampleIn(before, FAILED), ROUNDS, 5);
        Metrics.assertMovedPerRound(THROTTLED, Metrics.sampleIn(before, THROTTLED), ROUNDS, 1);
        Metrics.assertMovedPerRound(REFRESHED, Metrics.sampleIn(before, REFRESHED), ROUNDS, 1);
    }
}
