package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code .ci/deploy}, the deployment step of all three pipelines, applies an overlay with the exact images the
 * pipeline built. Without a cluster here, its rendering ({@code --render}) is what can be checked: the overlay
 * unchanged but for the two application images, pinned by digest.
 */
class DeployScriptTest {

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

    private record Result(int exitCode, String output) {
    }

    private static Result deploy(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", ".ci/deploy"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(".ci/deploy finished").isTrue();
        return new Result(process.exitValue(), output);
    }
}
