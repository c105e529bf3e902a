package org.orderplatform.platform.web.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Both servers let browsers keep /assets/&lt;fingerprint&gt;/ files for a year, so index.html must name the
 * fingerprint of the files as they are: a changed asset under an old fingerprint would never reach users who have it
 * cached. The check is the script developers run to fix it (one implementation of the hash).
 */
class WebAppFingerprintTest {

    @Test
    void shouldLoadTheAssetsUnderTheFingerprintOfTheirContent() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process check = new ProcessBuilder(java, "scripts/FingerprintWebApp.java", "--check")
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).as("the check finished").isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.exitValue()).as(output).isZero();
    }
}
