package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The objects one variant renders to: each as the plain document kustomize wrote and as the typed object of the
 * Kubernetes model (fabric8's, generated from the API's OpenAPI schema; the Prometheus Operator's from its CRDs).
 * Kinds the model does not know (KEDA, the Open Liberty Operator) stay {@link GenericKubernetesResource}s.
 */
public final class Rendering {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<Variant, Rendering> CACHE = new ConcurrentHashMap<>();

    final Variant variant;
    final List<Map<String, Object>> documents;
    final List<HasMetadata> objects;
    /** What operators create from the custom resources among {@link #objects} ({@link OperatedObjects}). */
    final List<HasMetadata> operated;

    private Rendering(Variant variant, List<Map<String, Object>> documents) {
        this.variant = variant;
        this.documents = documents;
        this.objects = documents.stream()
                .map(document -> (HasMetadata) SERIALIZATION.convertValue(document, HasMetadata.class))
                .toList();
        this.operated = objects.stream()
                .filter(GenericKubernetesResource.class::isInstance)
                .flatMap(resource -> OperatedObjects.of((GenericKubernetesResource) resource))
                .toList();
    }

    static Rendering of(Variant variant) {
        return CACHE.computeIfAbsent(variant, v -> new Rendering(v, parse(Kustomize.build(v.directory()))));
    }

    /** Another rendering of the same variant with changed documents (a test's deliberate mistake). */
    Rendering with(java.util.function.Consumer<List<Map<String, Object>>> change) {
        List<Map<String, Object>> copy = parse(documents.stream().map(SERIALIZATION::asYaml)
                .collect(java.util.stream.Collectors.joining("\n---\n")));
        change.accept(copy);
        return new Rendering(variant, copy);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        Load load = new Load(LoadSettings.builder().build());
        return java.util.stream.StreamSupport.stream(load.loadAllFromString(yaml).spliterator(), false)
                .filter(document -> document != null)
                .map(document -> (Map<String, Object>) document)
                .toList();
    }

    /** The objects of this type, including those an operator will create. */
    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return Stream.concat(objects.stream(), operated.stream()).filter(type::isInstance).map(type::cast);
    }

    Stream<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).filter(resource -> kind.equals(resource.getKind()));
    }

    /** An object kustomize rendered (not one an operator will create). */
    Optional<HasMetadata> findRendered(String kind, String name) {
        return find(objects.stream(), kind, name);
    }

    /** An object rendered or one an operator will create. */
    Optional<HasMetadata> find(String kind, String name) {
        return find(Stream.concat(objects.stream(), operated.stream()), kind, name);
    }

    private static Optional<HasMetadata> find(Stream<HasMetadata> candidates, String kind, String name) {
        return candidates
                .filter(object -> kind.equals(object.getKind()) && name.equals(object.getMetadata().getName()))
                .findFirst();
    }

    Optional<ConfigMap> configMap(String name) {
        return all(ConfigMap.class).filter(map -> map.getMetadata().getName().equals(name)).findFirst();
    }

    /** The ConfigMap the platform's settings live in (its name carries kustomize's content hash). */
    ConfigMap settings() {
        return all(ConfigMap.class)
                .filter(map -> map.getMetadata().getName().startsWith("order-platform-config"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(variant + " has no order-platform-config ConfigMap"));
    }

    /** Every Deployment and StatefulSet, with its pod template. */
    public Stream<Workload> workloads() {
        return Stream.concat(
                all(Deployment.class).map(d -> new Workload("Deployment", d.getMetadata().getName(),
                        d.getSpec().getSelector(), d.getSpec().getTemplate())),
                all(StatefulSet.class).map(s -> new Workload("StatefulSet", s.getMetadata().getName(),
                        s.getSpec().getSelector(), s.getSpec().getTemplate())));
    }

    Optional<Workload> workload(String name) {
        return workloads().filter(workload -> workload.name().equals(name)).findFirst();
    }

    /** A controller of pods, as far as the checks care. */
    public record Workload(String kind, String name, io.fabric8.kubernetes.api.model.LabelSelector selector,
            PodTemplateSpec template) {

        public Map<String, String> podLabels() {
            return template.getMetadata().getLabels();
        }

        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }
}
