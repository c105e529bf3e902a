package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Metrics;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;
import org.orderplatform.testsupport.RsaKeys;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;

/**
 * "Run the configuration": the production server configuration, started natively twice - as the backend and as the
 * worker Deployment of overlays/dev - with exactly the environment those pods get: the rendered ConfigMap, the
 * container's {@code env} and a Secret with the keys of secrets.template.yaml, as real process environment variables,
 * plus a fresh RSA key pair in files standing in for the mounted order-platform-jwt Secret; the image's jvm.options
 * (with the container's limits, which the JVM in a pod reads from its cgroup) and a random keystore password, as the
 * image's entrypoint makes one. Only the stores' addresses, the key files' directory and the HTTP port differ from
 * the cluster, each replaced explicitly below. Both answer every probe of their Deployment, and an order placed on
 * the backend is processed by the worker.
 *
 * <p>What the container adds beyond that - the image's own ENV (output and log directories, JSON console), the
 * read-only root file system, uid 1001 - is the container tests' part; here the server keeps its default directories.
 */
class KubernetesConfigurationIT {

    /** overlays/dev, rendered (in {@link #startBothDeployments}: skipped, with a message, without kustomize). */
    static Rendering dev;
    static final String SECRETS = "order-platform-secrets";
    static final String JWT_SECRET = "order-platform-jwt";
    static final Path IMAGE_JVM_OPTIONS = Path.of("src/main/docker/jvm.options");
    static final Path DOCKERFILE = Path.of("Dockerfile");
    /** The variables the test must change, and only these: where the stores, the key files and the port are here. */
    static final Set<String> REPLACED = Set.of("DB_HOST", "DB_PORT", "REDIS_HOST", "REDIS_PORT",
            "JWT_PRIVATE_KEY_FILE", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "HTTP_PORT");
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path jwtFiles;

    static Pod backend;
    static Pod worker;

    @BeforeAll
    static void startBothDeployments() throws Exception {
        dev = Variants.dev().render();
        // the build waits for the test server, not for its application: the schema may still be migrating
        await("the test server's application started").atMost(Duration.ofMinutes(3)).ignoreExceptions()
                .until(() -> Api.get("/health/started").statusCode() == 200);
        Processing.setAsideBacklog();
        Map<String, String> secret = testSecret();
        writeJwtSecret(jwtFiles);
        backend = Pod.of("backend", secret, jwtFiles);
        worker = Pod.of("worker", secret, jwtFiles);
        backend.start();
        worker.start();
    }

    @AfterAll
    static void stopBothDeployments() {
        for (Pod pod : new Pod[] {worker, backend}) {
            if (pod != null && pod.server != null) {
                pod.server.stop();
            }
        }
    }

    @Test
    void shouldPassTheManifestsEnvironmentUnchangedButForTheStoresKeyFilesAndPort() {
        for (Pod pod : List.of(backend, worker)) {
            assertThat(pod.manifestEnvironment.get("APP_ROLE")).as(pod.name).isEqualTo(pod.name.equals("backend")
                    ? "api" : "worker");
            assertThat(pod.manifestEnvironment).as(pod.name).containsAllEntriesOf(dev.settings().getData());
            assertThat(pod.overrides.keySet()).as("what %s changes", pod.name).isEqualTo(REPLACED);
            assertThat(pod.overrides).as(pod.name).contains(
                    Map.entry("DB_HOST", "localhost"),
                    Map.entry("DB_PORT", System.getProperty("it.db.port")),
                    Map.entry("REDIS_HOST", "localhost"),
                    Map.entry("REDIS_PORT", System.getProperty("it.redis.port")),
                    Map.entry("JWT_PRIVATE_KEY_FILE", jwtFiles.resolve("private.pem").toString()),
                    Map.entry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwtFiles.resolve("public.pem").toString()));
            // every other setting reaches the process as the manifests have it, and nothing else but what the image
            // and the container runtime give every container
            Map<String, String> unchanged = new TreeMap<>(pod.manifestEnvironment);
            unchanged.keySet().removeAll(REPLACED);
            assertThat(pod.environment).as(pod.name).containsAllEntriesOf(unchanged)
                    .containsAllEntriesOf(pod.overrides);
            assertThat(pod.runtime.keySet()).as(pod.name).doesNotContainAnyElementsOf(pod.manifestEnvironment.keySet())
                    .containsExactlyInAnyOrder("PATH", "JAVA_HOME", "HOSTNAME", "keystore_password");
            assertThat(pod.environment.keySet()).as(pod.name).hasSize(unchanged.size() + REPLACED.size()
                    + pod.runtime.size());
            // ... and the JVM has them as environment variables (bin/server adds a few of its own), not as -D options
            Path proc = Path.of("/proc", Long.toString(pod.server.jvm().pid()));
            if (Files.isReadable(proc.resolve("environ"))) {
                assertThat(nulSeparated(proc.resolve("environ")).stream()
                        .map(entry -> entry.split("=", 2))
                        .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : "")))
                        .as("%s's JVM environment", pod.name).containsAllEntriesOf(pod.environment);
                assertThat(nulSeparated(proc.resolve("cmdline"))).as("%s's JVM options", pod.name)
                        .containsAll(imageJvmOptions()).contains("-XX:MaxRAM=" + pod.memoryLimit)
                        .noneMatch(option -> pod.environment.keySet().stream()
                                .anyMatch(name -> option.startsWith("-D" + name + "=")));
            }
        }
    }

    @Test
    void shouldAnswerEveryProbeOfBothDeploymentsOnTheirPathAndNamedPort() {
        int imagePort = imageHttpPort();
        for (Pod pod : List.of(backend, worker)) {
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("startupProbe", pod.container.getStartupProbe());
            probes.put("livenessProbe", pod.container.getLivenessProbe());
            probes.put("readinessProbe", pod.container.getReadinessProbe());
            probes.forEach((kind, probe) -> {
                String id = pod.name + " " + kind;
                assertThat(probe).as(id).isNotNull();
                HTTPGetAction get = probe.getHttpGet();
                assertThat(get).as(id + " is an HTTP GET").isNotNull();
                assertThat(get.getScheme()).as(id).isIn(null, "HTTP");
                assertThat(get.getHttpHeaders()).as(id).isNullOrEmpty();
                assertThat(containerPort(pod.container, get.getPort()))
                        .as("%s: port %s is the image's HTTP_PORT", id, WorkloadPolicies.portText(get.getPort()))
                        .isEqualTo(imagePort);
                // the kubelet's GET, on the port the server listens on here instead of the image's, within the
                // probe's timeout
                int timeout = probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds();
                HttpResponse<String> answer = Api.send(HttpRequest.newBuilder(pod.base().resolve(get.getPath()))
                        .timeout(Duration.ofSeconds(timeout)).GET());
                assertThat(answer.statusCode()).as("%s: GET %s", id, get.getPath()).isEqualTo(200);
            });
        }
    }

    @Test
    void shouldCompleteAnOrderPlacedOnTheBackendOnTheWorkerAlone() throws Exception {
        URI api = backend.base();
        String token = customerOn(api);

        HttpResponse<String> placed = Api.send(Api.request(api, "/api/orders")
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Orders.VALID)));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
        String id = Api.json(placed).getString("id");

        Processing.awaitStatus(id, "COMPLETED");
        HttpResponse<String> order = Api.send(Api.request(api, "/api/orders/" + id)
                .header("Authorization", "Bearer " + token).GET());
        assertThat(order.statusCode()).as(order.body()).isEqualTo(200);
        assertThat(Api.json(order).getString("status")).isEqualTo("COMPLETED");
        assertThat(Processing.history(id))
                .containsExactly("null>PENDING", "PENDING>PROCESSING", "PROCESSING>COMPLETED");
        // job claims carry the replica's name: the pod's HOSTNAME and the JVM's pid
        assertThat(Database.queryString("SELECT claimed_by FROM order_jobs WHERE order_id = ?::uuid", id))
                .as("the replica that processed the order").startsWith(worker.hostname + ":");
        assertThat(Metrics.value(Metrics.scrape(worker.base()), "order_jobs_processed_total")).isPositive();
        assertThat(Metrics.value(Metrics.scrape(api), "order_jobs_processed_total"))
                .as("jobs processed by the backend (APP_ROLE=api)").isZero();
    }

    /**
     * A new user registered and logged in on {@code api}. TRUSTED_PROXIES is the cluster's pod network, so the
     * backend believes no X-Forwarded-For from here: every request counts against the loopback address, whose
     * registration count other tests' replicas may have used up.
     */
    private static String customerOn(URI api) {
        try (Jedis redis = TestRedis.connect()) {
            redis.del("auth:registrations:address:127.0.0.1");
        }
        String email = Accounts.uniqueEmail("k8s-config");
        HttpResponse<String> registered = postJson(api, "/api/auth/register", Json.createObjectBuilder()
                .add("email", email).add("password", Accounts.PASSWORD).add("full_name", "Kubernetes Config").build());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> login = postJson(api, "/api/auth/login", Json.createObjectBuilder()
                .add("email", email).add("password", Accounts.PASSWORD).build());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return Api.json(login).getString("access_token");
    }

    private static HttpResponse<String> postJson(URI base, String path, JsonObject body) {
        return Api.send(Api.request(base, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /**
     * The Secret order-platform-secrets of this test, with exactly the keys of the template. The stores are the
     * test's own: its Redis has no password (and refuses AUTH), so REDIS_PASSWORD is empty, which the application
     * reads as none; its PostgreSQL lets local connections in whatever the password, so DB_PASSWORD can be a random
     * one as in a cluster - the production profile refuses to start with the published default.
     */
    static Map<String, String> testSecret() throws IOException {
        Map<String, String> secret = new LinkedHashMap<>();
        secret.put("DB_PASSWORD", HexFormat.of().formatHex(randomBytes(24)));
        secret.put("REDIS_PASSWORD", "");
        secret.put("FIRST_SUPERUSER_PASSWORD", Base64.getEncoder().encodeToString(randomBytes(18)));
        assertThat(secret.keySet()).as("keys of %s in %s", SECRETS, SecretTemplate.FILE)
                .containsExactlyInAnyOrderElementsOf(SecretTemplate.read().keys(SECRETS));
        return secret;
    }

    /** A fresh key pair as the files of the Secret order-platform-jwt (the keys of the template). */
    static void writeJwtSecret(Path directory) throws IOException {
        KeyPair pair = RsaKeys.generate();
        Map<String, String> files =
                Map.of("private.pem", RsaKeys.privatePem(pair), "public.pem", RsaKeys.publicPem(pair));
        assertThat(files.keySet()).as("keys of %s in %s", JWT_SECRET, SecretTemplate.FILE)
                .containsExactlyInAnyOrderElementsOf(SecretTemplate.read().keys(JWT_SECRET));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(directory.resolve(file.getKey()), file.getValue());
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The options of the image's jvm.options. */
    private static List<String> imageJvmOptions() {
        try {
            return Files.readAllLines(IMAGE_JVM_OPTIONS).stream()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> nulSeparated(Path file) {
        try {
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port the server listens on in the image (its ENV HTTP_PORT). */
    static int imageHttpPort() {
        try {
            Matcher port = Pattern.compile("(?m)^\\s*(?:ENV\\s+)?HTTP_PORT=(\\d+)")
                    .matcher(Files.readString(DOCKERFILE));
            assertThat(port.find()).as("HTTP_PORT in the Dockerfile's ENV").isTrue();
            return Integer.parseInt(port.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A probe's port as the kubelet resolves it: a number, or the name of one of the container's ports. */
    static int containerPort(Container container, IntOrString port) {
        return WorkloadPolicies.declaredPort(container, port).map(ContainerPort::getContainerPort).orElseThrow(() ->
                new AssertionError(container.getName() + " declares no port " + WorkloadPolicies.portText(port)));
    }

    /** One Deployment of overlays/dev as a server here: the environment its container gets, and the server. */
    static final class Pod {

        final String name;
        final Container container;
        /** What Kubernetes puts in the container's environment: envFrom, then env. */
        final Map<String, String> manifestEnvironment;
        /** What differs here, each replaced on purpose. */
        final Map<String, String> overrides;
        /** What every container gets beyond the manifests: from the image, the container runtime, the entrypoint. */
        final Map<String, String> runtime;
        /** The server process's whole environment. */
        final Map<String, String> environment;
        final String hostname;
        final long memoryLimit;
        final String jvmOptions;
        ExtraServer server;

        private Pod(String name, Container container, Map<String, String> manifestEnvironment,
                Map<String, String> overrides, Map<String, String> runtime, long memoryLimit) throws IOException {
            this.name = name;
            this.container = container;
            this.manifestEnvironment = manifestEnvironment;
            this.overrides = overrides;
            this.runtime = runtime;
            this.hostname = runtime.get("HOSTNAME");
            this.memoryLimit = memoryLimit;
            this.jvmOptions = jvmOptions(container, memoryLimit);
            Map<String, String> all = new TreeMap<>(manifestEnvironment);
            all.putAll(overrides);
            all.putAll(runtime);
            this.environment = Map.copyOf(all);
        }

        static Pod of(String deployment, Map<String, String> secret, Path jwtFiles) throws IOException {
            PodSpec spec = dev.workload(deployment)
                    .orElseThrow(() -> new AssertionError("overlays/dev has no Deployment " + deployment))
                    .template().getSpec();
            assertThat(spec.getContainers()).as(deployment + "'s containers").hasSize(1);
            assertThat(spec.getInitContainers()).as(deployment + "'s init containers").isNullOrEmpty();
            Container container = spec.getContainers().get(0);
            Map<String, String> manifest = environment(container, dev.settings(), secret);

            Map<String, String> overrides = new LinkedHashMap<>();
            overrides.put("DB_HOST", "localhost");
            overrides.put("DB_PORT", System.getProperty("it.db.port"));
            overrides.put("REDIS_HOST", "localhost");
            overrides.put("REDIS_PORT", System.getProperty("it.redis.port"));
            // settings naming files of the mounted JWT Secret: the same files in the stand-in directory
            String mountPath = jwtMountPath(spec, container) + "/";
            manifest.forEach((variable, value) -> {
                if (value.startsWith(mountPath)) {
                    overrides.put(variable, jwtFiles.resolve(value.substring(mountPath.length())).toString());
                }
            });
            // the image listens on its HTTP_PORT (ENV); two servers here cannot share one port
            overrides.put("HTTP_PORT", Integer.toString(ExtraServer.freePort()));

            Map<String, String> runtime = new LinkedHashMap<>();
            runtime.put("PATH", System.getenv("PATH"));
            runtime.put("JAVA_HOME", System.getProperty("java.home"));
            // Kubernetes names the pod's host after the pod; the application names itself in job claims by it
            runtime.put("HOSTNAME", deployment + "-" + HexFormat.of().formatHex(randomBytes(5)));
            // what entrypoint.sh exports: Liberty creates its default keystore with it, which mpJwt needs
            runtime.put("keystore_password", HexFormat.of().formatHex(randomBytes(24)));

            return new Pod(deployment, container, manifest, overrides, runtime,
                    container.getResources().getLimits().get("memory").getNumericalAmount().longValueExact());
        }

        void start() {
            server = ExtraServer.startWithEnvironment("k8s-" + name, environment, jvmOptions);
        }

        URI base() {
            return server.base();
        }

        /**
         * The container's environment as Kubernetes makes it: each envFrom source in order (a later one wins), then
         * env (which wins over all of them).
         */
        static Map<String, String> environment(Container container, ConfigMap settings, Map<String, String> secret) {
            for (EnvFromSource source : container.getEnvFrom()) {
                assertThat(source.getPrefix()).as(container.getName() + " envFrom prefix").isNull();
                if (source.getConfigMapRef() != null) {
                    assertThat(source.getConfigMapRef().getName()).as(container.getName() + " envFrom ConfigMap")
                            .isEqualTo(settings.getMetadata().getName());
                } else if (source.getSecretRef() != null) {
                    assertThat(source.getSecretRef().getName()).as(container.getName() + " envFrom Secret")
                            .isEqualTo(SECRETS);
                } else {
                    throw new AssertionError(container.getName() + ": envFrom source " + source + " not known here");
                }
            }
            for (EnvVar variable : container.getEnv()) {
                assertThat(variable.getValueFrom()).as(container.getName() + " env " + variable.getName()).isNull();
            }
            ContainerEnvironment environment =
                    ContainerEnvironment.of(container, dev, name -> SECRETS.equals(name) ? secret : null);
            assertThat(environment.missingSources()).as(container.getName() + " envFrom sources").isEmpty();
            return new TreeMap<>(environment.variables());
        }

        /** Where the container mounts the Secret order-platform-jwt. */
        private static String jwtMountPath(PodSpec spec, Container container) {
            String volume = spec.getVolumes().stream()
                    .filter(candidate -> candidate.getSecret() != null
                            && JWT_SECRET.equals(candidate.getSecret().getSecretName()))
                    .map(Volume::getName)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(container.getName() + ": no volume of " + JWT_SECRET));
            return container.getVolumeMounts().stream()
                    .filter(mount -> mount.getName().equals(volume))
                    .map(VolumeMount::getMountPath)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(container.getName() + " does not mount " + JWT_SECRET));
        }

        /**
         * The image's jvm.options, and the container's limits as the JVM in the pod sees them (its cgroup): the heap
         * is a percentage of the memory limit, the thread pools sized by the CPU limit.
         */
        private static String jvmOptions(Container container, long memory) throws IOException {
            int cpus = container.getResources().getLimits().get("cpu").getNumericalAmount()
                    .setScale(0, RoundingMode.CEILING).intValueExact();
            assertThat(memory).as(container.getName() + " memory limit").isPositive();
            return Files.readString(IMAGE_JVM_OPTIONS)
                    + "# " + container.getName() + "'s limits (overlays/dev), as the pod's cgroup shows them the JVM\n"
                    + "-XX:MaxRAM=" + memory + "\n"
                    + "-XX:ActiveProcessorCount=" + cpus + "\n";
        }
    }
}
