package org.orderplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Docker;

/** The web front's image built from webapp/Dockerfile: an unprivileged nginx whose configuration nginx accepts. */
class FrontendImageIT {

    private static JsonObject config;

    @BeforeAll
    static void build() {
        Docker.assumeEngine();
        try (var reader = Json.createReader(new StringReader(Docker.ok("image", "inspect", Images.web())))) {
            config = reader.readArray().getJsonObject(0).getJsonObject("Config");
        }
    }

    @Test
    void shouldRunAsAnUnprivilegedUserWithAHealthCheck() {
        assertThat(config.getString("User")).isEqualTo("101:0");
        assertThat(config.getJsonObject("Healthcheck").getJsonArray("Test").getValuesAs(JsonString::getString))
                .anySatisfy(part -> assertThat(part).contains("http://127.0.0.1:8080/"));
        assertThat(config.getJsonObject("Labels")).containsEntry("org.opencontainers.image.version",
                Json.createValue(Images.VERSION)).containsEntry("org.opencontainers.image.revision",
                Json.createValue(Images.REVISION));
    }

    @Test
    void shouldHaveAConfigurationNginxAccepts() {
        // nginx -t resolves the upstream's host name: "backend" is the API's service name in compose and
        // Kubernetes; here it is given an address, as the engine's DNS would.
        String test = Docker.ok(Duration.ofMinutes(1), Map.of(), "run", "--rm", "--read-only", "--tmpfs", "/tmp",
                "--add-host", "backend:127.0.0.1", Images.web(), "nginx", "-t");
        assertThat(test).contains("syntax is ok", "test is successful");

        var withoutBackend = Docker.run(Duration.ofMinutes(1), Map.of(), "run", "--rm", "--read-only", "--tmpfs",
                "/tmp", "--network", "none", Images.web(), "nginx", "-t");
        assertThat(withoutBackend.ok()).as("nginx -t fails when the upstream cannot be resolved").isFalse();
        assertThat(withoutBackend.output()).contains("host not found in upstream \"backend:9080\"");
    }
}
