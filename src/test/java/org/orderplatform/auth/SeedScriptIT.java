package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;

/** The documented seed command ({@code java scripts/Seed.java BASE_URL}) against the test server. */
class SeedScriptIT {

    @Test
    void shouldCreateDemoUsersAndBeSafeToRunAgain() throws Exception {
        String first = seed();
        String second = seed();

        assertThat(first).contains("alice@example.com");
        assertThat(second).contains("exists   alice@example.com").doesNotContain("created");
        assertThat(Accounts.login("alice@example.com", "Demo-Pass-2024").statusCode()).isEqualTo(200);
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
