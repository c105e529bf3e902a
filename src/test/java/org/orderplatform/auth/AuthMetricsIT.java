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

/** What an ops engineer reads on /metrics about authentication. */
class AuthMetricsIT {

    @Test
    void shouldCountRegistrationsLoginsAndRefreshes() {
        double registrations = Metrics.sample("auth_registrations_total\\{mp_scope=\"application\",?}");
        double succeeded = Metrics.sample("auth_logins_total\\{mp_scope=\"application\",outcome=\"succeeded\",?}");
        double failed = Metrics.sample("auth_logins_total\\{mp_scope=\"application\",outcome=\"failed\",?}");
        double refreshed = Metrics.sample("auth_tokens_refreshed_total\\{mp_scope=\"application\",?}");
        double throttled = Metrics.sample("auth_logins_total\\{mp_scope=\"application\",outcome=\"throttled\",?}");

        String email = newUser("metrics").getString("email");
        String refresh = Api.json(login(email, PASSWORD)).getString("refresh_token");
        postJson("/api/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}");
        String attacker = Accounts.randomClientAddress();
        for (int i = 0; i < 6; i++) {
            login(email, "Wrong-Pass-" + i, attacker); // the sixth attempt is over the limit of 5
        }

        assertThat(Metrics.sample("auth_registrations_total\\{mp_scope=\"application\",?}")).isEqualTo(registrations + 1);
        assertThat(Metrics.sample("auth_logins_total\\{mp_scope=\"application\",outcome=\"succeeded\",?}"))
                .isEqualTo(succeeded + 1);
        assertThat(Metrics.sample("auth_logins_total\\{mp_scope=\"application\",outcome=\"failed\",?}"))
                .isEqualTo(failed + 5);
        assertThat(Metrics.sample("auth_logins_total\\{mp_scope=\"application\",outcome=\"throttled\",?}"))
                .isGreaterThan(throttled);
        assertThat(Metrics.sample("auth_tokens_refreshed_total\\{mp_scope=\"application\",?}")).isEqualTo(refreshed + 1);
    }
}
