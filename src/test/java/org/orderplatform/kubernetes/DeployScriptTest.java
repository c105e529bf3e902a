package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orderplatform.testsupport.Docker;
import org.orderplatform.testsupport.Docker.Result;

/**
 * {@code .ci/deploy}, the deployment step of all three pipelines, applies an overlay with the exact images the
 * pipeline built, and rolls back what it changed when the rollout or the smoke test fails. Without a cluster here, two
 * things are checked: its rendering ({@code --render}) - the overlay unchanged but for the two application images,
 * pinned by digest - and its rollback decisions, against a stand-in {@code kubectl} that keeps each Deployment's
 * revision in a file and records every call (the smoke test is the real one, failing against a closed port).
 */
@Tag("assets")
class DeployScriptTest {

    /** kubectl as .ci/deploy uses it: revisions in $STATE/NAME, the Deployments an apply changes in $CHANGED. */
    private static final String FAKE_KUBECTL = """
            #!/usr/bin/env bash
            echo "$*" >> "$STATE/calls"
            case "$3 $4" in
                "get deployment") cat "$STATE/$5" 2>/dev/null; exit 0 ;;
            esac
            case "$1" in
                apply)
                    [ ! -f "$STATE/apply-fails" ] || exit 1
                    for deployment in $CHANGED; do
                        echo $(( $(cat "$STATE/$deployment" 2>/dev/null || echo 0) + 1 )) > "$STATE/$deployment"
                    done ;;
            esac
            exit 0
            """;

    @TempDir
    Path state;

    private static final String BACKEND = "ghcr.io/acme/order-platform@sha256:" + "a1".repeat(32);
    private static final String WEB = "ghcr.io/acme/order-platform-web@sha256:" + "b2".repeat(32);

    @Test
    void shouldDeployTheOverlayWithOnlyTheApplicationImagesReplaced() throws Exception {
        for (Variant overlay : List.of(Variants.dev(), Variants.prod())) {
            Result render = deploy("--render", "kubernetes/" + overlay.name(), BACKEND, WEB);
            assertThat(render.exitCode()).as(render.output()).isZero();
            Rendering pinned = new Variant(overlay.name() + " via .ci/deploy",
                    Path.of("target/deploy").resolve(Path.of(overlay.name()).getFileName()).toAbsolutePath()).render();

            Map<String, String> expected = images(overlay.render());
            expected.replaceAll((container, image) -> image.startsWith("order-platform-web:") ? WEB
                    : image.startsWith("order-platform:") ? BACKEND : image);
            assertThat(images(pinned)).as(overlay.name()).isEqualTo(expected).containsValues(BACKEND, WEB);
            assertThat(pinned.all(io.fabric8.kubernetes.api.model.HasMetadata.class).count())
                    .as("the same objects as the overlay").isEqualTo(overlay.render()
                            .all(io.fabric8.kubernetes.api.model.HasMetadata.class).count());
        }
    }

    @Test
    void shouldRefuseAnImageWithoutTagOrDigestAndAMissingOverlay() throws Exception {
        Result untagged = deploy("--render", "kubernetes/overlays/prod", "ghcr.io/acme/order-platform", WEB);
        Result noOverlay = deploy("--render", "kubernetes/overlays/staging", BACKEND, WEB);
        Result noUrl = deploy("kubernetes/overlays/prod", BACKEND, WEB);

        assertThat(untagged.exitCode()).isEqualTo(2);
        assertThat(untagged.output()).contains("ghcr.io/acme/order-platform: neither NAME@sha256:DIGEST nor NAME:TAG");
        assertThat(noOverlay.exitCode()).isEqualTo(2);
        assertThat(noOverlay.output()).contains("kubernetes/overlays/staging: no kustomization.yaml");
        assertThat(noUrl.exitCode()).isNotZero();
        assertThat(noUrl.output()).contains("usage: .ci/deploy");
    }

    @Test
    void shouldRollBackTheDeploymentsItChangedWhenTheSmokeTestFails() throws Exception {
        revisions(Map.of("backend", "3", "worker", "3", "frontend", "5"));

        Result deploy = deployAgainstAFakeCluster("backend worker");

        assertThat(deploy.exitCode()).as(deploy.output()).isEqualTo(1);
        assertThat(deploy.output()).contains("FAIL health", "rolling the Deployments back");
        assertThat(calls()).contains("-n order-platform rollout undo deployment/backend --to-revision=3",
                "-n order-platform rollout undo deployment/worker --to-revision=3")
                .noneMatch(call -> call.contains("undo deployment/frontend")); // unchanged: left as it is
    }

    @Test
    void shouldNotRollBackADeploymentTheRunCreated() throws Exception {
        revisions(Map.of("backend", "7", "worker", "7"));

        Result deploy = deployAgainstAFakeCluster("backend worker frontend");

        assertThat(deploy.exitCode()).as(deploy.output()).isEqualTo(1);
        assertThat(calls()).contains("-n order-platform rollout undo deployment/backend --to-revision=7")
                .noneMatch(call -> call.contains("undo deployment/frontend")); // nothing before it to go back to
    }

    @Test
    void shouldUndoNothingWhenTheApplyFails() throws Exception {
        revisions(Map.of("backend", "3", "worker", "3", "frontend", "5"));
        Files.writeString(state.resolve("apply-fails"), "");

        Result deploy = deployAgainstAFakeCluster("backend worker");

        assertThat(deploy.exitCode()).as(deploy.output()).isEqualTo(1);
        assertThat(calls()).anyMatch(call -> call.startsWith("apply -k target/deploy/prod"))
                .noneMatch(call -> call.contains("rollout undo"));
    }

    private void revisions(Map<String, String> revisions) throws IOException {
        for (var revision : revisions.entrySet()) {
            Files.writeString(state.resolve(revision.getKey()), revision.getValue() + "\n");
        }
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(state.resolve("calls"));
    }

    /** .ci/deploy with the stand-in kubectl first on the PATH, and the smoke test against a port nobody listens on. */
    private Result deployAgainstAFakeCluster(String changed) throws IOException {
        Path bin = Files.createDirectories(state.resolve("bin"));
        Path kubectl = Files.writeString(bin.resolve("kubectl"), FAKE_KUBECTL);
        kubectl.toFile().setExecutable(true);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        return Docker.exec(List.of("bash", ".ci/deploy", "kubernetes/overlays/prod", BACKEND, WEB,
                "http://127.0.0.1:" + closedPort), Duration.ofMinutes(2), Map.of(
                        "PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":"
                                + System.getenv("PATH"),
                        "STATE", state.toString(), "CHANGED", changed, "SMOKE_TIMEOUT_SECONDS", "2"));
    }

    /** Every container's image, by workload/container. */
    private static Map<String, String> images(Rendering rendering) {
        Map<String, String> images = new TreeMap<>();
        rendering.workloads().forEach(workload -> {
            List<Container> containers = new ArrayList<>(workload.template().getSpec().getContainers());
            containers.addAll(workload.template().getSpec().getInitContainers());
            containers.forEach(container -> images.put(workload + "/" + container.getName(), container.getImage()));
        });
        return images;
    }

    private static Result deploy(String... arguments) {
        List<String> command = new ArrayList<>(List.of("bash", ".ci/deploy"));
        command.addAll(List.of(arguments));
        return Docker.exec(command, Duration.ofMinutes(2), Map.of());
    }

}
