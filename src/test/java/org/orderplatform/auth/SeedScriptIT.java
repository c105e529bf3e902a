package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Orders;

/**
 * The documented seed command (demo users and their orders) ({@code java scripts/Seed.java BASE_URL}) against the test
 * server.
 */
class SeedScriptIT {

    @Test
    void shouldCreateDemoUsersWithOrdersAndBeSafeToRunAgain() throws Exception {
        String first = seed();
        String second = seed();

        assertThat(first).contains("alice@example.com");
        assertThat(second).contains("exists   alice@example.com").doesNotContain("created");
        String token = Accounts.accessToken("alice@example.com", "Demo-Pass-2024");
        assertThat(Api.json(Orders.get(token, "/api/orders")).getInt("total")).as("no duplicates").isEqualTo(2);
    }

    private static String seed() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "scripts/Seed.java", Api.BASE.toString().replaceAll("/$", "")).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
