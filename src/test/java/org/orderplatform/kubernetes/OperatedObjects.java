package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the Open Liberty Operator creates from an OpenLibertyApplication - a Deployment, a Service and, with
 * autoscaling, a HorizontalPodAutoscaler, all named after the resource - so that the checks of workloads, wiring and
 * network flows see the operator variant's pods as they will run. Modelled on the operator's reconciler (its
 * runtime-component library, see kubernetes/components/openliberty-operator): the labels of {@link #podLabels}, the
 * selector on the instance label, one container
 * "app", the Service port named {@code spec.service.portName}.
 */
final class OperatedObjects {

    private static final String INSTANCE = "app.kubernetes.io/instance";

    private OperatedObjects() {
    }

    static Stream<HasMetadata> of(GenericKubernetesResource application) {
        if (!application.getKind().equals("OpenLibertyApplication")) {
            return Stream.empty();
        }
        String name = application.getMetadata().getName();
        String namespace = application.getMetadata().getNamespace();
        Map<String, Object> spec = map(application.getAdditionalProperties().get("spec"));
        Map<String, String> labels = podLabels(name, application.getMetadata().getLabels());
        Map<String, Object> service = map(spec.get("service"));
        int port = ((Number) service.getOrDefault("port", 9080)).intValue();
        int targetPort = ((Number) service.getOrDefault("targetPort", port)).intValue();
        String portName = (String) service.getOrDefault("portName", port + "-tcp");
        Map<String, Object> account = map(spec.get("serviceAccount"));

        Container container = new ContainerBuilder()
                .withName("app")
                .withImage((String) spec.get("applicationImage"))
                .withImagePullPolicy((String) spec.get("pullPolicy"))
                .addNewPort().withName(portName).withContainerPort(targetPort).withProtocol("TCP").endPort()
                .withEnv(list(spec.get("env"), EnvVar.class))
                .withEnvFrom(list(spec.get("envFrom"), EnvFromSource.class))
                .withStartupProbe(convert(map(spec.get("probes")).get("startup"), Probe.class))
                .withLivenessProbe(convert(map(spec.get("probes")).get("liveness"), Probe.class))
                .withReadinessProbe(convert(map(spec.get("probes")).get("readiness"), Probe.class))
                .withResources(convert(spec.get("resources"), ResourceRequirements.class))
                .withSecurityContext(convert(spec.get("securityContext"), SecurityContext.class))
                .withVolumeMounts(list(spec.get("volumeMounts"), VolumeMount.class))
                .build();
        var deployment = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withNewSelector().addToMatchLabels(INSTANCE, name).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withServiceAccountName((String) account.get("name"))
                .withAutomountServiceAccountToken((Boolean) account.get("mountToken"))
                .withContainers(container)
                .withVolumes(list(spec.get("volumes"), Volume.class))
                .withTopologySpreadConstraints(list(map(spec.get("topologySpreadConstraints")).get("constraints"),
                        TopologySpreadConstraint.class))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        var serviceObject = new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .addToSelector(INSTANCE, name)
                .addNewPort().withName(portName).withPort(port).withNewTargetPort(targetPort).withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
        Map<String, Object> autoscaling = map(spec.get("autoscaling"));
        if (autoscaling.isEmpty()) {
            return Stream.of(deployment, serviceObject);
        }
        var autoscaler = new HorizontalPodAutoscalerBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .withNewScaleTargetRef().withApiVersion("apps/v1").withKind("Deployment").withName(name)
                .endScaleTargetRef()
                .withMinReplicas(((Number) autoscaling.get("minReplicas")).intValue())
                .withMaxReplicas(((Number) autoscaling.get("maxReplicas")).intValue())
                .addNewMetric().withType("Resource").withNewResource().withName("cpu").withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(((Number) autoscaling.get("targetCPUUtilizationPercentage")).intValue())
                .endTarget().endResource().endMetric()
                .withBehavior(convert(autoscaling.get("behavior"), HorizontalPodAutoscalerBehavior.class))
                .endSpec()
                .build();
        return Stream.of(deployment, serviceObject, autoscaler);
    }

    /**
     * The labels the operator gives the pods, Deployment and Service: its defaults (the application's name as name
     * and instance, component "backend"), then the application's own labels over them - except instance, which its
     * selectors use (OpenLibertyApplication.GetLabels in api/v1 of the operator, release 1.6.2).
     */
    static Map<String, String> podLabels(String name, Map<String, String> resourceLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", name);
        labels.put("app.kubernetes.io/managed-by", "open-liberty-operator");
        labels.put("app.kubernetes.io/component", "backend");
        labels.put("apps.openliberty.io/name", name);
        labels.putAll(Optional.ofNullable(resourceLabels).orElse(Map.of()));
        labels.put(INSTANCE, name);
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static <T> T convert(Object value, Class<T> type) {
        return value == null ? null : Rendering.SERIALIZATION.convertValue(value, type);
    }

    private static <T> List<T> list(Object value, Class<T> type) {
        return value == null ? List.of()
                : ((List<?>) value).stream().map(element -> convert(element, type)).toList();
    }
}
