package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every KEDA ScaledObject and OpenLibertyApplication of every variant, checked the way {@link KubernetesSchemaTest}
 * checks the Kubernetes kinds: structurally against their CRDs ({@link CustomResourceShapes}), and then for what only
 * the rest of the rendering can tell - whether the ScaledObject scales a Deployment that is there and reads Redis
 * settings its container really has, whether the operator would build from the OpenLibertyApplication the pods our
 * Ingress, NetworkPolicies, PodDisruptionBudget and PodMonitor expect, as hardened and probed as base/backend.yaml's.
 */
@Tag("assets")
class CustomResourceShapesTest {

    /** The operator's defaults for a probe field left 0 (runtime-component-operator common.go, MicroProfile Health). */
    private static final Map<String, Map<String, Integer>> OPERATOR_PROBE_DEFAULTS = Map.of(
            "startup", Map.of("periodSeconds", 10, "timeoutSeconds", 2, "failureThreshold", 20),
            "liveness", Map.of("periodSeconds", 10, "timeoutSeconds", 2, "failureThreshold", 3),
            "readiness", Map.of("periodSeconds", 10, "timeoutSeconds", 2, "failureThreshold", 10));
    /** Kubernetes' defaults for a probe field left out of a Deployment. */
    private static final Map<String, Integer> KUBERNETES_PROBE_DEFAULTS = Map.of(
            "periodSeconds", 10, "timeoutSeconds", 1, "failureThreshold", 3);
    private static final SecretTemplate SECRETS = SecretTemplate.read();
    private static final Map<String, String> HEALTH_PATHS = WorkloadPolicies.HEALTH_PATHS;

    static List<Variant> variants() {
        return Variants.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldRenderScaledObjectsKedaAccepts(Variant variant) {
        Rendering rendering = variant.render();
        List<String> problems = new ArrayList<>();
        documents(rendering, "ScaledObject").forEach(scaledObject -> scaledObjectProblems(rendering, scaledObject)
                .forEach(problem -> problems.add("ScaledObject/" + name(scaledObject) + problem)));
        assertThat(problems).as("ScaledObjects of %s KEDA would refuse or misread", variant).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldRenderOpenLibertyApplicationsTheOperatorTurnsIntoTheApi(Variant variant) {
        Rendering rendering = variant.render();
        List<String> problems = new ArrayList<>();
        documents(rendering, "OpenLibertyApplication").forEach(application -> applicationProblems(rendering,
                application).forEach(problem -> problems.add("OpenLibertyApplication/" + name(application) + problem)));
        assertThat(problems).as("OpenLibertyApplications of %s", variant).isEmpty();
    }

    @Test
    void shouldDescribeEveryCustomResourceSomeVariantRenders() {
        Set<String> rendered = new TreeSet<>();
        for (Variant variant : Variants.all()) {
            variant.render().all(GenericKubernetesResource.class).forEach(resource -> {
                assertThat(CustomResourceShapes.describes(resource.getKind()))
                        .as("%s of %s has a shape", resource.getKind(), variant).isTrue();
                rendered.add(resource.getKind());
            });
        }
        // no shape check without something to check: some variant renders each described kind
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(CustomResourceShapes.KINDS.keySet());
    }

    @Test
    void shouldRefuseMisspeltFieldsAndWrongTypes() {
        // the check itself can fail: typos and values of the wrong type, in the CRD's own fields and in the Kubernetes
        // types it embeds, in otherwise valid objects
        Rendering olapp = Variants.withComponents(List.of("in-cluster-data", "openliberty-operator")).render();
        Map<String, Object> application = broken(documents(olapp, "OpenLibertyApplication").findFirst().orElseThrow(),
                Map.of("readiness:", "readines:", "maxReplicas: 6", "maxReplicas: \"6\"", "periodSeconds: 5",
                        "periodSeconds: \"5\"", "mountToken: false", "mountToken: \"false\""));
        assertThat(CustomResourceShapes.problems(application))
                .anyMatch(problem -> problem.startsWith(".spec.probes.readines: unknown field"))
                .anyMatch(problem -> problem.equals(".spec.autoscaling.maxReplicas: String 6, the CRD wants integer"))
                .anyMatch(problem -> problem.contains(".spec.probes.startup.periodSeconds: written String 5"))
                .anyMatch(problem -> problem.startsWith(".spec.serviceAccount.mountToken: String false"));

        Rendering keda = Variants.withComponents(List.of("in-cluster-data", "keda")).render();
        Map<String, Object> scaledObject = broken(documents(keda, "ScaledObject").findFirst().orElseThrow(),
                Map.of("pollingInterval: 10", "pollingInterval: \"10\"", "minReplicaCount:", "minReplicasCount:",
                        "listName:", "listname:", "listLength: \"20\"", "listLength: \"twenty\""));
        assertThat(CustomResourceShapes.problems(scaledObject))
                .anyMatch(problem -> problem.startsWith(".spec.pollingInterval: String 10, the CRD wants integer"))
                .anyMatch(problem -> problem.startsWith(".spec.minReplicasCount: unknown field"))
                .anyMatch(problem -> problem.contains(".metadata.listname: unknown to the redis scaler"))
                .anyMatch(problem -> problem.contains(".metadata.listName: required by the redis scaler"))
                .anyMatch(problem -> problem.contains(".metadata.listLength: \"twenty\" is no integer"));
    }

    @Test
    void shouldRefuseAScaledObjectThatDoesNotFitTheRendering() {
        Rendering keda = Variants.withComponents(List.of("in-cluster-data", "keda")).render();
        Map<String, Object> scaledObject = broken(documents(keda, "ScaledObject").findFirst().orElseThrow(),
                Map.of("listName: \"orders:jobs:queue\"", "listName: \"orders:queue\"",
                        "passwordFromEnv: \"REDIS_PASSWORD\"", "passwordFromEnv: \"REDIS_PASS\""));
        assertThat(scaledObjectProblems(keda, scaledObject))
                .anyMatch(problem -> problem.contains("listName orders:queue is not the queue the workers read"))
                .anyMatch(problem -> problem.contains("passwordFromEnv: REDIS_PASS is no variable"));

        // without the keda component the CPU HorizontalPodAutoscaler "worker" is still there: two autoscalers
        Rendering withHpa = Variants.withComponents(List.of("in-cluster-data")).render();
        assertThat(scaledObjectProblems(withHpa, documents(keda, "ScaledObject").findFirst().orElseThrow()))
                .anyMatch(problem -> problem.contains("HorizontalPodAutoscaler/worker scales Deployment/worker too"));
    }

    @Test
    void shouldRefuseAnOpenLibertyApplicationTheOperatorWouldTurnAgainstUs() {
        Rendering olapp = Variants.withComponents(List.of("in-cluster-data", "openliberty-operator")).render();
        Map<String, Object> application = broken(documents(olapp, "OpenLibertyApplication").findFirst().orElseThrow(),
                Map.of("app.kubernetes.io/component: \"api\"", "app.kubernetes.io/component: \"web\"",
                        "portName: \"http\"", "portName: \"web\"", "disable: true", "disable: false",
                        "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false",
                        "failureThreshold: 36", "failureThreshold: 6"));
        assertThat(applicationProblems(olapp, application))
                .anyMatch(problem -> problem.contains("app.kubernetes.io/component web is not the APP_ROLE api"))
                .anyMatch(problem -> problem.contains("Ingress/order-platform asks for port http"))
                .anyMatch(problem -> problem.contains("networkPolicy.disable"))
                .anyMatch(problem -> problem.contains("readOnlyRootFilesystem"))
                .anyMatch(problem -> problem.contains("probes.startup.failureThreshold: 6"));

        // and the plain Deployment next to it: two owners of one name
        Rendering plain = Variants.withComponents(List.of("in-cluster-data")).render();
        assertThat(applicationProblems(plain, documents(olapp, "OpenLibertyApplication").findFirst().orElseThrow()))
                .anyMatch(problem -> problem.contains("Deployment/backend is rendered too"))
                .anyMatch(problem -> problem.contains("NetworkPolicy/backend is rendered too"));
    }

    // --- ScaledObject ------------------------------------------------------------------------------------------------

    /** KEDA's view: the CRD's shape, then the target, its container's variables, the queue, the other autoscalers. */
    static List<String> scaledObjectProblems(Rendering rendering, Map<String, Object> scaledObject) {
        List<String> problems = CustomResourceShapes.problems(scaledObject);
        if (!problems.isEmpty()) {
            return problems;
        }
        Map<String, Object> spec = map(scaledObject, "spec");
        Map<String, Object> target = map(spec, "scaleTargetRef");
        String kind = (String) target.getOrDefault("kind", "Deployment");
        String name = (String) target.get("name");
        Optional<Deployment> deployment = rendering.all(Deployment.class)
                .filter(candidate -> candidate.getMetadata().getName().equals(name)).findFirst();
        if (!"Deployment".equals(kind) || !"apps/v1".equals(target.getOrDefault("apiVersion", "apps/v1"))
                || deployment.isEmpty()) {
            problems.add(".spec.scaleTargetRef: " + kind + "/" + name + " is no Deployment of this variant");
            return problems;
        }
        int min = ((Number) spec.getOrDefault("minReplicaCount", 0)).intValue();
        int max = ((Number) spec.getOrDefault("maxReplicaCount", 100)).intValue();
        if (min > max) {
            problems.add(".spec: minReplicaCount " + min + " above maxReplicaCount " + max);
        }

        // the container KEDA resolves *FromEnv against: the named one, or the first
        List<Container> containers = deployment.get().getSpec().getTemplate().getSpec().getContainers();
        String containerName = (String) target.get("envSourceContainerName");
        Container container = containerName == null ? containers.get(0) : containers.stream()
                .filter(candidate -> candidate.getName().equals(containerName)).findFirst().orElse(null);
        if (container == null) {
            problems.add(".spec.scaleTargetRef.envSourceContainerName: no container " + containerName);
            return problems;
        }
        Set<String> variables = variables(rendering, container.getEnv(), container.getEnvFrom(), problems);
        List<Map<String, Object>> triggers = list(spec, "triggers");
        for (int i = 0; i < triggers.size(); i++) {
            String path = ".spec.triggers[" + i + "]";
            Map<String, Object> trigger = triggers.get(i);
            Map<String, Object> metadata = map(trigger, "metadata");
            metadata.forEach((key, value) -> {
                if (key.endsWith("FromEnv") && !variables.contains(value)) {
                    problems.add(path + ".metadata." + key + ": " + value + " is no variable of container "
                            + container.getName() + " (it has " + new TreeSet<>(variables) + ")");
                }
            });
            switch (String.valueOf(trigger.get("type"))) {
                case "redis" -> {
                    if (!queue().equals(metadata.get("listName"))) {
                        problems.add(path + ".metadata: listName " + metadata.get("listName")
                                + " is not the queue the workers read, " + queue() + " (OrderQueue.QUEUE)");
                    }
                    boolean address = Stream.of("address", "addresses").anyMatch(key -> given(metadata, key));
                    boolean hostAndPort = Stream.of("host", "hosts").anyMatch(key -> given(metadata, key))
                            && Stream.of("port", "ports").anyMatch(key -> given(metadata, key));
                    if (!address && !hostAndPort) {
                        problems.add(path + ".metadata: no Redis address (address, or host and port)");
                    }
                }
                case "cpu", "memory" -> {
                    String resource = String.valueOf(trigger.get("type"));
                    if (!Set.of("Utilization", "AverageValue").contains(trigger.get("metricType"))) {
                        problems.add(path + ".metricType: " + trigger.get("metricType")
                                + ", a " + resource + " trigger takes Utilization or AverageValue");
                    }
                    if (container.getResources() == null || container.getResources().getRequests() == null
                            || !container.getResources().getRequests().containsKey(resource)) {
                        problems.add(path + ": container " + container.getName() + " requests no " + resource
                                + " (the HPA computes utilization from the request)");
                    }
                }
                default -> {
                }
            }
        }

        // KEDA creates and drives an HPA of its own: any other autoscaler of the same Deployment fights it
        rendering.all(HorizontalPodAutoscaler.class)
                .filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                        && name.equals(hpa.getSpec().getScaleTargetRef().getName()))
                .forEach(hpa -> problems.add(": HorizontalPodAutoscaler/" + hpa.getMetadata().getName()
                        + " scales Deployment/" + name + " too"));
        documents(rendering, "ScaledObject")
                .filter(other -> other != scaledObject && !name(other).equals(name(scaledObject))
                        && name.equals(map(map(other, "spec"), "scaleTargetRef").get("name")))
                .forEach(other -> problems.add(": ScaledObject/" + name(other) + " scales Deployment/" + name
                        + " too"));
        documents(rendering, "OpenLibertyApplication")
                .filter(application -> name(application).equals(name)
                        && map(application, "spec").containsKey("autoscaling"))
                .forEach(application -> problems.add(": OpenLibertyApplication/" + name
                        + " has the operator scale Deployment/" + name + " too"));
        return problems;
    }

    private static boolean given(Map<String, Object> metadata, String key) {
        return metadata.containsKey(key) || metadata.containsKey(key + "FromEnv");
    }

    /** The queue the relay fills and the workers take from - the application's own constant. */
    private static String queue() {
        try {
            Field queue = Class.forName("org.orderplatform.processing.OrderQueue").getDeclaredField("QUEUE");
            queue.setAccessible(true);
            return (String) queue.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- OpenLibertyApplication --------------------------------------------------------------------------------------

    /**
     * The operator's view: the CRD's shape; then what it would make of the object next to ours - the objects it
     * creates or deletes under the object's name, the labels and port names of its pods and Service - and the pod as
     * hardened and probed as the Deployment of the same name in base/backend.yaml, which it replaces.
     */
    static List<String> applicationProblems(Rendering rendering, Map<String, Object> application) {
        List<String> problems = CustomResourceShapes.problems(application);
        if (!problems.isEmpty()) {
            return problems;
        }
        String name = name(application);
        Map<String, Object> spec = map(application, "spec");
        Container replaced = baseDeploymentContainer(name);

        // the operator creates (or, switched off, deletes) these under the application's own name
        for (String kind : List.of("Deployment", "StatefulSet", "Service", "HorizontalPodAutoscaler", "NetworkPolicy",
                "Ingress")) {
            rendering.findRendered(kind, name).ifPresent(clash -> problems.add(": " + kind + "/" + name
                    + " is rendered too - the operator creates or deletes an object of that name"));
        }
        rendering.findRendered("Service", name + "-headless").ifPresent(clash -> problems.add(": Service/" + name
                + "-headless is rendered too - the operator deletes it"));
        if (!Boolean.FALSE.equals(spec.get("manageTLS"))) {
            problems.add(".spec.manageTLS: must be false - the ingress and the probes speak HTTP to 9080, and"
                    + " TLS management needs cert-manager");
        }
        if (!Boolean.FALSE.equals(spec.get("expose"))) {
            problems.add(".spec.expose: must be false - our Ingress routes to the Service");
        }
        if (!Boolean.TRUE.equals(map(spec, "networkPolicy").get("disable"))) {
            problems.add(".spec.networkPolicy.disable: must be true - our NetworkPolicies apply");
        }

        // image: pinned, and the one the workers run
        String image = (String) spec.get("applicationImage");
        String workerImage = rendering.workload("worker").map(worker -> worker.template().getSpec().getContainers()
                .get(0).getImage()).orElse(null);
        if (!image.contains("@sha256:") && (!image.matches(".*:[^/]+") || image.endsWith(":latest"))) {
            problems.add(".spec.applicationImage: " + image + " pins no version");
        }
        if (!image.equals(workerImage)) {
            problems.add(".spec.applicationImage: " + image + ", the workers run " + workerImage);
        }

        // the pods' labels (the operator's own, overridden by the application's labels) and who selects them
        Map<String, String> podLabels = OperatedObjects.podLabels(name, map(map(application, "metadata"), "labels")
                .entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> String.valueOf(entry.getValue()))));
        String role = env(spec).get("APP_ROLE");
        if (!"api".equals(role)) {
            problems.add(".spec.env: APP_ROLE " + role + ", the API's role is api");
        }
        if (!Objects.equals(podLabels.get("app.kubernetes.io/component"), role)) {
            problems.add(".metadata.labels: the pods' app.kubernetes.io/component "
                    + podLabels.get("app.kubernetes.io/component") + " is not the APP_ROLE " + role
                    + " (the PodMonitor reports it as the role)");
        }
        if (rendering.all(NetworkPolicy.class)
                .noneMatch(policy -> !LabelSelectors.isEmpty(policy.getSpec().getPodSelector())
                && LabelSelectors.selects(policy.getSpec().getPodSelector(), podLabels))) {
            problems.add(": no NetworkPolicy selects the pods " + podLabels + " - only the default deny applies");
        }
        if (rendering.all(PodDisruptionBudget.class)
                .noneMatch(budget -> LabelSelectors.selects(budget.getSpec().getSelector(), podLabels))) {
            problems.add(": no PodDisruptionBudget covers the pods " + podLabels);
        }
        Map<String, Object> service = map(spec, "service");
        rendering.all(PodMonitor.class).forEach(monitor -> {
            if (!LabelSelectors.selects(monitor.getSpec().getSelector(), podLabels)) {
                problems.add(": PodMonitor/" + monitor.getMetadata().getName() + " does not select the pods "
                        + podLabels);
            }
            monitor.getSpec().getPodMetricsEndpoints().stream()
                    .filter(endpoint -> !Objects.equals(endpoint.getPort(), service.get("portName")))
                    .forEach(endpoint -> problems.add(": PodMonitor/" + monitor.getMetadata().getName()
                            + " scrapes port " + endpoint.getPort() + ", the container's is "
                            + service.get("portName")));
        });

        // the Service the operator creates: one port, named by portName (else "<port>-tcp")
        Object port = service.getOrDefault("port", 9080);
        Object portName = service.getOrDefault("portName", port + "-tcp");
        if (!Integer.valueOf(9080).equals(port) || service.containsKey("targetPort")) {
            problems.add(".spec.service: port " + port
                    + " - Liberty listens on 9080, and the NetworkPolicies allow it");
        }
        rendering.all(Ingress.class).forEach(ingress -> ingress.getSpec().getRules().stream()
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .map(path -> path.getBackend().getService())
                .filter(backend -> backend != null && backend.getName().equals(name))
                .filter(backend -> !servedBy(backend, port, portName))
                .forEach(backend -> problems.add(": Ingress/" + ingress.getMetadata().getName() + " asks for port "
                        + (backend.getPort().getName() != null ? backend.getPort().getName()
                                : backend.getPort().getNumber())
                        + " of Service/" + name + ", which has " + portName + " (" + port + ")")));

        // identity: our ServiceAccount, no token; an account named like the application would be deleted
        Map<String, Object> account = map(spec, "serviceAccount");
        String accountName = (String) account.getOrDefault("name", spec.get("serviceAccountName"));
        if (accountName == null || rendering.find("ServiceAccount", accountName).isEmpty()) {
            problems.add(".spec.serviceAccount.name: " + accountName + " is no ServiceAccount of this variant");
        } else if (!accountName.equals(name) && rendering.find("ServiceAccount", name).isPresent()) {
            problems.add(": ServiceAccount/" + name + " is rendered - the operator deletes it, using " + accountName);
        }
        if (!Boolean.FALSE.equals(account.get("mountToken"))) {
            problems.add(".spec.serviceAccount.mountToken: must be false - the API never calls the Kubernetes API");
        }
        rendering.all(ServiceAccount.class)
                .filter(candidate -> candidate.getMetadata().getName().equals(accountName))
                .filter(candidate -> !Boolean.FALSE.equals(candidate.getAutomountServiceAccountToken()))
                .forEach(candidate -> problems.add(": ServiceAccount/" + accountName + " mounts its token"));

        // the container: as hardened as the namespace's "restricted" Pod Security level demands, and more
        SecurityContext security = Rendering.SERIALIZATION.convertValue(map(spec, "securityContext"),
                SecurityContext.class);
        if (!Boolean.TRUE.equals(security.getRunAsNonRoot())
                || security.getRunAsUser() != null && security.getRunAsUser() == 0) {
            problems.add(".spec.securityContext: must run as non-root");
        }
        if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                || Boolean.TRUE.equals(security.getPrivileged())) {
            problems.add(".spec.securityContext: must allow no privilege escalation and not be privileged");
        }
        if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
            problems.add(".spec.securityContext.readOnlyRootFilesystem: must be true");
        }
        if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                || !security.getCapabilities().getDrop().contains("ALL")) {
            problems.add(".spec.securityContext.capabilities: must drop ALL");
        }
        if (security.getSeccompProfile() == null
                || !Set.of("RuntimeDefault", "Localhost").contains(security.getSeccompProfile().getType())) {
            problems.add(".spec.securityContext.seccompProfile: must be RuntimeDefault (or Localhost)");
        }

        // probes: on the health endpoints and port, with the thresholds of the Deployment it replaces
        for (String probe : List.of("startup", "liveness", "readiness")) {
            Map<String, Object> written = map(map(spec, "probes"), probe);
            Map<String, Object> httpGet = map(written, "httpGet");
            if (written.isEmpty() || !HEALTH_PATHS.get(probe).equals(httpGet.get("path"))
                    || !(port.equals(httpGet.get("port")) || portName.equals(httpGet.get("port")))
                    || !"HTTP".equals(httpGet.getOrDefault("scheme", "HTTP"))) {
                problems.add(".spec.probes." + probe + ": must be an HTTP GET of " + HEALTH_PATHS.get(probe)
                        + " on port " + port);
                continue;
            }
            Probe base = switch (probe) {
                case "startup" -> replaced.getStartupProbe();
                case "liveness" -> replaced.getLivenessProbe();
                default -> replaced.getReadinessProbe();
            };
            Map<String, Object> baseValues = Rendering.SERIALIZATION.convertValue(base, Map.class);
            for (String threshold : KUBERNETES_PROBE_DEFAULTS.keySet()) {
                int effective = ((Number) written.getOrDefault(threshold, 0)).intValue();
                if (effective == 0) {
                    effective = OPERATOR_PROBE_DEFAULTS.get(probe).get(threshold);
                }
                int wanted = ((Number) baseValues.getOrDefault(threshold,
                        KUBERNETES_PROBE_DEFAULTS.get(threshold))).intValue();
                if (effective != wanted) {
                    problems.add(".spec.probes." + probe + "." + threshold + ": " + effective + " (with the operator's"
                            + " default), base/backend.yaml's Deployment has " + wanted);
                }
            }
        }

        // what the container gets: the Deployment's environment, settings, secrets, volumes and resources
        Set<String> variables = variables(rendering, list(spec, "env").stream()
                .map(entry -> Rendering.SERIALIZATION.convertValue(entry, EnvVar.class)).toList(),
                list(spec, "envFrom").stream()
                        .map(entry -> Rendering.SERIALIZATION.convertValue(entry, EnvFromSource.class)).toList(),
                problems);
        if (!variables.contains("DB_HOST") || !variables.contains("DB_PASSWORD")) {
            problems.add(".spec.envFrom: the settings ConfigMap and the Secret order-platform-secrets must be"
                    + " sources (has " + new TreeSet<>(variables) + ")");
        }
        same(problems, ".spec.env", list(spec, "env"), replaced.getEnv());
        same(problems, ".spec.volumeMounts", list(spec, "volumeMounts"), replaced.getVolumeMounts());
        same(problems, ".spec.volumes", list(spec, "volumes"), baseDeployment(name).getSpec().getTemplate()
                .getSpec().getVolumes());
        same(problems, ".spec.resources", map(spec, "resources"), replaced.getResources());
        Map<String, Quantity> requests = replaced.getResources().getRequests();
        if (requests == null || !requests.containsKey("cpu") || !requests.containsKey("memory")) {
            problems.add(".spec.resources: requests for cpu (autoscaling needs it) and memory");
        }

        // rollout, spread and scaling: those of the Deployment and the HorizontalPodAutoscaler it replaces
        same(problems, ".spec.deployment.updateStrategy", map(map(spec, "deployment"), "updateStrategy"),
                baseDeployment(name).getSpec().getStrategy());
        Map<String, Object> spread = map(spec, "topologySpreadConstraints");
        same(problems, ".spec.topologySpreadConstraints.constraints", list(spread, "constraints"),
                baseDeployment(name).getSpec().getTemplate().getSpec().getTopologySpreadConstraints());
        if (!Boolean.TRUE.equals(spread.get("disableOperatorDefaults"))) {
            problems.add(".spec.topologySpreadConstraints.disableOperatorDefaults: must be true (ours replace them)");
        }
        HorizontalPodAutoscaler hpa = baseAutoscaler(name);
        Map<String, Object> autoscaling = map(spec, "autoscaling");
        Integer cpuTarget = hpa.getSpec().getMetrics().stream()
                .filter(metric -> metric.getResource() != null && "cpu".equals(metric.getResource().getName()))
                .map(metric -> metric.getResource().getTarget().getAverageUtilization()).findFirst().orElse(null);
        if (!Objects.equals(autoscaling.get("minReplicas"), hpa.getSpec().getMinReplicas())
                || !Objects.equals(autoscaling.get("maxReplicas"), hpa.getSpec().getMaxReplicas())
                || !Objects.equals(autoscaling.get("targetCPUUtilizationPercentage"), cpuTarget)) {
            problems.add(".spec.autoscaling: " + autoscaling.get("minReplicas") + ".." + autoscaling.get("maxReplicas")
                    + " at " + autoscaling.get("targetCPUUtilizationPercentage") + "% CPU, base/autoscaling.yaml has "
                    + hpa.getSpec().getMinReplicas() + ".." + hpa.getSpec().getMaxReplicas() + " at " + cpuTarget
                    + "%");
        }
        same(problems, ".spec.autoscaling.behavior", map(autoscaling, "behavior"), hpa.getSpec().getBehavior());
        return problems;
    }

    private static boolean servedBy(IngressServiceBackend backend, Object port, Object portName) {
        return backend.getPort().getName() != null ? backend.getPort().getName().equals(portName)
                : Objects.equals(backend.getPort().getNumber(), port);
    }

    /** A part of the application that must equal the replaced Deployment's (compared as the API would store both). */
    private static void same(List<String> problems, String path, Object written, Object replaced) {
        Class<?> type = replaced == null ? Object.class : replaced.getClass();
        Object typed = written == null ? null : Rendering.SERIALIZATION.convertValue(written, type);
        Object normalized = Rendering.SERIALIZATION.convertValue(typed, Object.class);
        Object expected = Rendering.SERIALIZATION.convertValue(replaced, Object.class);
        if (!Objects.equals(normalize(normalized), normalize(expected))) {
            problems.add(path + ": " + normalized + ", base's Deployment has " + expected);
        }
    }

    /** Empty lists and maps as absent, as the API server stores them. */
    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> result = new HashMap<>();
            map.forEach((key, entry) -> {
                Object normalized = normalize(entry);
                if (normalized != null) {
                    result.put(key, normalized);
                }
            });
            return result.isEmpty() ? null : result;
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : list.stream().map(CustomResourceShapesTest::normalize).toList();
        }
        return value;
    }

    private static Map<String, String> env(Map<String, Object> spec) {
        return list(spec, "env").stream().filter(entry -> entry.get("value") != null)
                .collect(Collectors.toMap(entry -> (String) entry.get("name"), entry -> (String) entry.get("value")));
    }

    // --- the rendering and the base ---------------------------------------------------------------------------------

    /**
     * The names of the variables a container with this env and envFrom gets, the Secrets being those of
     * secrets.template.yaml (created by hand, not rendered); a source that exists nowhere is a problem.
     */
    private static Set<String> variables(Rendering rendering, List<EnvVar> env, List<EnvFromSource> envFrom,
            List<String> problems) {
        ContainerEnvironment environment = ContainerEnvironment.of(env, envFrom, rendering, SECRETS::placeholders);
        environment.missingSources().forEach(source -> problems.add(": envFrom names " + source
                + ", which is neither rendered nor listed in secrets.template.yaml"));
        return new TreeSet<>(environment.variables().keySet());
    }

    private static Deployment baseDeployment(String name) {
        return baseObject("backend.yaml", "Deployment", name, Deployment.class);
    }

    private static Container baseDeploymentContainer(String name) {
        return baseDeployment(name).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static HorizontalPodAutoscaler baseAutoscaler(String name) {
        return baseObject("autoscaling.yaml", "HorizontalPodAutoscaler", name, HorizontalPodAutoscaler.class);
    }

    /** An object of the base as kustomize renders it alone (YAML read the way the API server reads it: 0440 octal). */
    private static <T extends HasMetadata> T baseObject(String file, String kind, String name, Class<T> type) {
        return new Variant("base", Variants.BASE).render().find(kind, name).map(type::cast)
                .orElseThrow(() -> new AssertionError("base/" + file + " has no " + kind + " " + name));
    }

    private static List<Map<String, Object>> parse(Path file) {
        try {
            return Rendering.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- raw documents ----------------------------------------------------------------------------------------------

    /** The raw documents of one custom kind (the model keeps them as GenericKubernetesResource). */
    private static Stream<Map<String, Object>> documents(Rendering rendering, String kind) {
        return rendering.documents.stream().filter(document -> kind.equals(document.get("kind")));
    }

    /** A copy of a document with some of its YAML text (strings quoted) replaced; each replacement must apply. */
    private static Map<String, Object> broken(Map<String, Object> document, Map<String, String> replacements) {
        String yaml = Rendering.SERIALIZATION.asYaml(document);
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertThat(yaml).as("the document to break").contains(replacement.getKey());
            yaml = yaml.replace(replacement.getKey(), replacement.getValue());
        }
        return Rendering.parse(yaml).get(0);
    }

    private static String name(Map<String, Object> document) {
        return (String) map(document, "metadata").get("name");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
