package org.orderplatform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Docker;
import org.orderplatform.testsupport.RsaKeys;

/**
 * The backend image built from the repository's Dockerfile: what it declares, and that it runs as declared - as
 * uid 1001 on a read-only root filesystem with nothing writable but its declared volumes, logging JSON, stopping
 * cleanly on SIGTERM - against a real PostgreSQL and Redis in containers beside it.
 */
class BackendImageIT {

    private static final String PREFIX = "opit-image-" + ProcessHandle.current().pid();
    private static final String NETWORK = PREFIX;
    private static final String BACKEND = PREFIX + "-backend";
    private static final String DB_PASSWORD = "image-test-db-password";
    private static final String REDIS_PASSWORD = "image-test-redis-password";
    private static final String SUPERUSER_PASSWORD = "Image-Test-Superuser-1";

    private static JsonObject image;

    @BeforeAll
    static void build() {
        Docker.assumeEngine();
        image = inspect("image", Images.backend());
    }

    @AfterAll
    static void removeContainers() {
        if (Docker.engineReachable()) {
            Docker.run(Duration.ofMinutes(1), Map.of(), "rm", "--force", "--volumes", BACKEND, PREFIX + "-postgres",
                    PREFIX + "-redis");
            Docker.run(Duration.ofMinutes(1), Map.of(), "network", "rm", NETWORK);
        }
    }

    @Test
    void shouldDeclareANonRootUserItsWritableVolumesLabelsAndAHealthCheck() {
        JsonObject config = image.getJsonObject("Config");
        assertThat(config.getString("User")).isEqualTo("1001:0");
        assertThat(config.getJsonObject("Volumes").keySet())
                .containsExactlyInAnyOrder("/opt/ol/output", "/opt/ol/logs", "/tmp");
        assertThat(config.getJsonObject("Labels")).containsEntry("org.opencontainers.image.version",
                Json.createValue(Images.VERSION)).containsEntry("org.opencontainers.image.revision",
                Json.createValue(Images.REVISION)).containsEntry("org.opencontainers.image.source",
                Json.createValue(Images.SOURCE));
        List<String> healthCheck = config.getJsonObject("Healthcheck").getJsonArray("Test")
                .getValuesAs(value -> ((jakarta.json.JsonString) value).getString());
        assertThat(healthCheck).as("exec form, no shell, and no curl or wget (a JRE image has neither)")
                .startsWith("CMD", "java").doesNotContain("curl", "wget", "sh");
        assertThat(config.getJsonObject("ExposedPorts").keySet()).containsExactly("9080/tcp");
    }

    @Test
    void shouldHoldOnlyTheFeaturesServerXmlNamesAndNoDevServicesAgent() {
        String listing = Docker.ok(Duration.ofMinutes(1), Map.of(), "run", "--rm", "--entrypoint", "sh",
                Images.backend(), "-c", "cat /opt/ol/wlp/usr/servers/orderPlatform/jvm.options;"
                        + " ls /opt/ol/wlp/lib/features; find /opt/ol -name '*dev-services*'");
        assertThat(listing).doesNotContain("javaagent", "dev-services")
                .contains("-XX:MaxRAMPercentage", "io.openliberty.mpJwt-2.1.mf", "io.openliberty.restfulWS-3.1.mf")
                .as("features server.xml does not name are not in the minified runtime")
                .doesNotContain("io.openliberty.faces-4.0.mf",
                        "com.ibm.websphere.appserver.adminCenter-1.0.mf");
    }

    @Test
    void shouldServeOnAReadOnlyRootFilesystemLogJsonAndStopCleanlyOnSigterm() throws Exception {
        startStores();
        KeyPair keys = RsaKeys.generate();
        List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", BACKEND, "--network", NETWORK,
                "--read-only", "--memory", "768m", "--publish", "127.0.0.1::9080",
                "--env", "DB_HOST=" + PREFIX + "-postgres", "--env", "DB_PASSWORD=" + DB_PASSWORD,
                "--env", "REDIS_HOST=" + PREFIX + "-redis", "--env", "REDIS_PASSWORD=" + REDIS_PASSWORD,
                "--env", "FIRST_SUPERUSER_PASSWORD=" + SUPERUSER_PASSWORD,
                "--env", "JWT_PRIVATE_KEY=" + RsaKeys.privatePem(keys),
                "--env", "MP_JWT_VERIFY_PUBLICKEY=" + RsaKeys.publicPem(keys),
                Images.backend()));
        Docker.ok(Duration.ofMinutes(1), Map.of(), run.toArray(String[]::new));
        awaitHealthy(BACKEND, Duration.ofMinutes(4));

        PlatformClient platform = new PlatformClient(URI.create("http://" + Docker.ok("port", BACKEND, "9080")
                .lines().findFirst().orElseThrow().trim()));
        assertThat(platform.get("/health/ready", null).statusCode()).isEqualTo(200);
        String token = platform.newUser("image");
        assertThat(platform.get("/api/users/me", token).statusCode()).as("a token this replica issued is accepted")
                .isEqualTo(200);
        String superuser = platform.login("admin@example.com", SUPERUSER_PASSWORD);
        assertThat(platform.get("/api/users", superuser).statusCode()).isEqualTo(200);

        assertThat(Docker.run(Duration.ofSeconds(30), Map.of(), "exec", BACKEND, "touch", "/opt/ol/wlp/usr/x"))
                .satisfies(result -> assertThat(result.ok()).isFalse())
                .satisfies(result -> assertThat(result.output()).contains("Read-only file system"));
        assertThat(Docker.ok("exec", BACKEND, "id", "-u").trim()).isEqualTo("1001");
        for (String writable : List.of("/tmp", "/opt/ol/output", "/opt/ol/logs")) {
            Docker.ok("exec", BACKEND, "touch", writable + "/written-by-test");
        }

        Instant stopping = Instant.now();
        Docker.ok(Duration.ofMinutes(1), Map.of(), "stop", "--time", "30", BACKEND);
        Duration stopped = Duration.between(stopping, Instant.now());
        JsonObject state = inspect("container", BACKEND).getJsonObject("State");
        String logs = Docker.ok("logs", BACKEND);
        // CWWKE0085I: stopping because the JVM exits (the SIGTERM); CWWKZ0009I: the application stopped cleanly (the
        // server's own last line may not be written before the JVM is gone)
        assertThat(logs).as("Liberty stopped the application cleanly").contains("CWWKE0085I", "CWWKZ0009I");
        assertThat(state.getInt("ExitCode")).as("not killed after the grace period").isNotEqualTo(137);
        assertThat(stopped).isLessThan(Duration.ofSeconds(30));
        assertThat(logs.lines().filter(line -> !line.isBlank()))
                .as("every line on stdout and stderr is a JSON log record").allSatisfy(line -> {
                    try (var reader = Json.createReader(new StringReader(line))) {
                        assertThat(reader.readObject().getString("type")).startsWith("liberty_");
                    }
                });

        // Started again with its volumes kept - as Kubernetes restarts a container in its pod, emptyDirs and all: the
        // new start's keystore password must not meet the old start's keystore (tokens would all be refused while
        // the health checks stay green).
        Docker.ok(Duration.ofMinutes(1), Map.of(), "start", BACKEND);
        awaitHealthy(BACKEND, Duration.ofMinutes(4));
        PlatformClient restarted = new PlatformClient(URI.create("http://" + Docker.ok("port", BACKEND, "9080")
                .lines().findFirst().orElseThrow().trim()));
        assertThat(restarted.get("/api/users/me", token).statusCode())
                .as("a token is accepted after the container restarted with its output volume").isEqualTo(200);
    }

    private static void startStores() {
        Map<String, String> bases = Images.baseImageVariables();
        Docker.ok("network", "create", NETWORK);
        Docker.ok(Duration.ofMinutes(2), Map.of(), "run", "--detach", "--name", PREFIX + "-postgres", "--network",
                NETWORK, "--user", "postgres", "--env", "POSTGRES_USER=orderplatform", "--env",
                "POSTGRES_PASSWORD=" + DB_PASSWORD, "--env", "POSTGRES_DB=orderplatform",
                "--health-cmd", "pg_isready --username orderplatform", "--health-interval", "2s",
                bases.getOrDefault("POSTGRES_IMAGE", "postgres:17.6-bookworm"));
        Docker.ok(Duration.ofMinutes(2), Map.of(), "run", "--detach", "--name", PREFIX + "-redis", "--network",
                NETWORK, "--user", "redis", bases.getOrDefault("REDIS_IMAGE", "redis:7.4.6-bookworm"),
                "redis-server", "--requirepass", REDIS_PASSWORD);
        awaitHealthy(PREFIX + "-postgres", Duration.ofMinutes(1));
    }

    private static void awaitHealthy(String container, Duration within) {
        Instant deadline = Instant.now().plus(within);
        String health = "";
        while (Instant.now().isBefore(deadline)) {
            health = Docker.ok("inspect", "--format", "{{.State.Status}} {{.State.Health.Status}}", container).trim();
            if (health.equals("running healthy")) {
                return;
            }
            if (!health.startsWith("running")) {
                break;
            }
            sleep(Duration.ofSeconds(2));
        }
        throw new AssertionError(container + " is not healthy (" + health + ") within " + within + ":\n"
                + Docker.tail(Docker.run(Duration.ofSeconds(30), Map.of(), "logs", container).output(), 6000));
    }

    private static JsonObject inspect(String kind, String name) {
        try (var reader = Json.createReader(new StringReader(Docker.ok(kind, "inspect", name)))) {
            return reader.readArray().getJsonObject(0);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
