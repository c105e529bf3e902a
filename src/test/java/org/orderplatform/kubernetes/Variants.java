package org.orderplatform.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every variant a user can apply: the overlays, and the base with each store choice (in-cluster or external
 * PostgreSQL and Redis) combined with every subset of the optional components. The combinations are written as
 * small kustomizations under {@code target/kustomize-variants}, referring to the real directories.
 */
public final class Variants {

    static final Path KUBERNETES = Path.of("kubernetes").toAbsolutePath();
    static final Path BASE = KUBERNETES.resolve("base");
    static final Path COMPONENTS = KUBERNETES.resolve("components");
    static final Path OVERLAYS = KUBERNETES.resolve("overlays");
    private static final Path GENERATED = Path.of("target", "kustomize-variants").toAbsolutePath();

    /** The store choice: exactly one of these is in every working variant. */
    static final List<String> STORES = List.of("in-cluster-data", "external-data");
    /** Optional components, each combinable with the others. */
    static final List<String> OPTIONAL = List.of("keda", "monitoring", "openliberty-operator");

    private Variants() {
    }

    public static Variant dev() {
        return new Variant("overlays/dev", OVERLAYS.resolve("dev"));
    }

    static Variant prod() {
        return new Variant("overlays/prod", OVERLAYS.resolve("prod"));
    }

    /** dev with KEDA and a slow fulfilment: for watching the workers scale on kind, and the pipelines' e2e job. */
    static Variant kindKeda() {
        return new Variant("overlays/kind-keda", OVERLAYS.resolve("kind-keda"));
    }

    static List<Variant> overlays() {
        return List.of(dev(), prod(), kindKeda());
    }

    /** The overlays and every store choice with every subset of the optional components. */
    static List<Variant> all() {
        List<Variant> variants = new ArrayList<>(overlays());
        for (String store : STORES) {
            for (int subset = 0; subset < 1 << OPTIONAL.size(); subset++) {
                List<String> components = new ArrayList<>();
                for (int i = 0; i < OPTIONAL.size(); i++) {
                    if ((subset & 1 << i) != 0) {
                        components.add(OPTIONAL.get(i));
                    }
                }
                // last, as in the overlays: a store component adjusts what the others add
                components.add(store);
                variants.add(withComponents(components));
            }
        }
        return variants;
    }

    /**
     * The base with these components (in this order), as a kustomization of its own. Like every overlay it names the
     * namespace (the base's): the base's {@code namespace:} reaches only the base's own objects, not those the
     * components add on top of it, which would otherwise land in whatever namespace kubectl's context has.
     */
    static Variant withComponents(List<String> components) {
        String name = "base+" + String.join("+", components);
        Path directory = GENERATED.resolve(name);
        String kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                + "kind: Kustomization\n"
                + "namespace: order-platform\n"
                + "resources:\n"
                + "  - " + directory.relativize(BASE) + "\n"
                + "components:\n"
                + components.stream()
                        .map(component -> "  - " + directory.relativize(COMPONENTS.resolve(component)) + "\n")
                        .collect(Collectors.joining());
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("kustomization.yaml"), kustomization);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Variant(name, directory);
    }
}
