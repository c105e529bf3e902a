package org.orderplatform.deployment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.orderplatform.testsupport.Docker;

/**
 * The project's two images, built once per test run from the real Dockerfiles. Where the local stand-ins for the
 * public base images exist ({@code src/test/docker/build-local-images.sh}: machines that cannot pull, like CI's),
 * the build only swaps the bases through the Dockerfiles' build arguments; elsewhere it uses the public defaults.
 */
final class Images {

    static final String BACKEND = "order-platform:it";
    static final String WEB = "order-platform-web:it";
    static final String VERSION = System.getProperty("project.version", "dev");
    static final String REVISION = "it-" + ProcessHandle.current().pid();
    static final String SOURCE = "https://example.org/order-platform.git";

    /** The local stand-ins by the build argument or compose variable they replace. */
    private static final Map<String, String> LOCAL_BASES = Map.of(
            "BUILD_IMAGE", "local/jdk",
            "RUNTIME_IMAGE", "local/jre",
            "NGINX_IMAGE", "local/nginx",
            "POSTGRES_IMAGE", "local/postgres",
            "REDIS_IMAGE", "local/redis",
            "PROMETHEUS_IMAGE", "local/prometheus");

    private static boolean backendBuilt;
    private static boolean webBuilt;

    private Images() {
    }

    static boolean localBases() {
        return Docker.imageExists("local/jre");
    }

    static synchronized String backend() {
        if (!backendBuilt) {
            build(BACKEND, ".", List.of("BUILD_IMAGE", "RUNTIME_IMAGE"));
            backendBuilt = true;
        }
        return BACKEND;
    }

    static synchronized String web() {
        if (!webBuilt) {
            build(WEB, "webapp", List.of("NGINX_IMAGE"));
            webBuilt = true;
        }
        return WEB;
    }

    /** The compose variables naming the stand-ins, when they are used (else compose's public defaults apply). */
    static Map<String, String> baseImageVariables() {
        return localBases() ? LOCAL_BASES : Map.of();
    }

    private static void build(String tag, String context, List<String> baseArguments) {
        List<String> args = new ArrayList<>(List.of("build", "--network", "host", "--tag", tag,
                "--build-arg", "VERSION=" + VERSION, "--build-arg", "REVISION=" + REVISION,
                "--build-arg", "SOURCE=" + SOURCE));
        for (String argument : baseArguments) {
            if (localBases()) {
                args.addAll(List.of("--build-arg", argument + "=" + LOCAL_BASES.get(argument)));
            }
        }
        args.add(context);
        long started = System.nanoTime();
        Docker.ok(Duration.ofMinutes(15), Map.of(), args.toArray(String[]::new));
        String size = Docker.ok("image", "inspect", "--format", "{{.Size}}", tag).trim();
        System.out.printf("Built %s from %s/Dockerfile in %d s: %d MB%s%n", tag, context,
                (System.nanoTime() - started) / 1_000_000_000L, Long.parseLong(size) / 1_000_000,
                localBases() ? " (on the local Debian stand-ins for the public bases)" : "");
    }
}
