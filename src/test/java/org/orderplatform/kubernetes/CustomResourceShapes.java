package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodAffinity;
import io.fabric8.kubernetes.api.model.PodAntiAffinity;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the API server (and the operator behind it) would refuse in a custom resource no model library here ships,
 * found offline - the counterpart of {@link StrictModel} for KEDA's {@code ScaledObject} and the Open Liberty
 * Operator's {@code OpenLibertyApplication}. Their CRDs may not be copied into this repository, so the part of each
 * schema our manifests use is written down here as a compact field tree: every field's name and JSON type (object,
 * array, string, integer, boolean), the required ones, the enumerations and bounds the CRD states,
 * and the siblings of every field we use (a misspelling is then an unknown field, not a silently ignored one).
 * Kubernetes types the CRDs embed (a Probe, a Volume, a SecurityContext) are not repeated: they are read strictly
 * into the Kubernetes model, as {@link StrictModel} reads whole objects. Fields the CRD has but whose inside is not
 * written down here ({@link #undescribed}) fail when used with a non-empty value: describe them from the CRD first.
 *
 * <p>Sources (read, not copied):
 * <ul>
 * <li>{@code ScaledObject} {@code keda.sh/v1alpha1}: {@code config/crd/bases/keda.sh_scaledobjects.yaml} of
 * github.com/kedacore/keda at release v2.20.2 (commit 68a5b50); the per-trigger {@code metadata} keys, which the CRD
 * leaves open (a map of strings) and KEDA ignores when unknown, from the {@code keda:"name=..."} tags of
 * {@code pkg/scalers/redis_scaler.go} and {@code pkg/scalers/cpu_memory_scaler.go} of the same release (a key
 * {@code xFromEnv} names an environment variable of the target's container that holds {@code x}).</li>
 * <li>{@code OpenLibertyApplication} {@code apps.openliberty.io/v1}: {@code
 * config/crd/bases/apps.openliberty.io_openlibertyapplications.yaml} of github.com/OpenLiberty/open-liberty-operator
 * at release 1.6.2 (commit d121ea7, unchanged at ec1ea07 of June 2026), generated from {@code
 * api/v1/openlibertyapplication_types.go}.</li>
 * </ul>
 * Where a CRD leaves a string open that Kubernetes or KEDA then restricts, the values they accept are checked as an
 * enumeration (marked so below): the pull policy, Service type, session affinity and DNS policy the operator copies
 * into its Deployment and Service, a KEDA trigger's metricType.
 */
final class CustomResourceShapes {

    /** The JSON types of a CRD's OpenAPI schema. */
    enum Json {
        OBJECT, ARRAY, STRING, INTEGER, BOOLEAN
    }

    /** The schema of one value. */
    sealed interface Shape permits Fields, MapOf, ListOf, Scalar, KubernetesType, Undescribed {
    }

    /** An object with these fields only (the CRD's {@code properties}), some of them {@code required}. */
    record Fields(Map<String, Shape> fields, Set<String> required) implements Shape {
    }

    /** An object with free keys and values of one shape (the CRD's {@code additionalProperties}). */
    record MapOf(Shape values) implements Shape {
    }

    record ListOf(Shape items, int minItems) implements Shape {
    }

    /** A string, integer or boolean; {@code allowed} empty for any value, bounds null for none. */
    record Scalar(Json type, List<String> allowed, Long minimum, Long maximum, int minLength) implements Shape {
    }

    /** A Kubernetes API type embedded by the CRD, checked against the Kubernetes model's class for it. */
    record KubernetesType(Class<?> model) implements Shape {
    }

    /** A field the CRD has, of this type, whose inside is not written down here. */
    record Undescribed(Json type) implements Shape {
    }

    /** One field of a {@link Fields}. */
    record Field(String name, Shape shape, boolean required) {
    }

    /** A custom resource kind: its API version and the shape of its spec. */
    record Kind(String apiVersion, String kind, Fields spec) {
    }

    /** The metadata keys a KEDA scaler reads (others KEDA ignores), which of them hold integers or booleans. */
    record TriggerMetadata(Set<String> keys, Set<String> fromEnv, Set<String> required, Set<String> integers,
            Set<String> booleans) {
    }

    private static final Shape STRING = new Scalar(Json.STRING, List.of(), null, null, 0);
    private static final Shape INTEGER = new Scalar(Json.INTEGER, List.of(), null, null, 0);
    private static final Shape BOOLEAN = new Scalar(Json.BOOLEAN, List.of(), null, null, 0);
    private static final Shape STRINGS = new MapOf(STRING);

    static final Kind SCALED_OBJECT = new Kind("keda.sh/v1alpha1", "ScaledObject", object(
            required("scaleTargetRef", object(
                    required("name", new Scalar(Json.STRING, List.of(), null, null, 1)),
                    field("apiVersion", STRING),
                    field("kind", STRING),
                    field("envSourceContainerName", STRING))),
            field("pollingInterval", integer(1L, null)),
            field("cooldownPeriod", integer(0L, null)),
            field("initialCooldownPeriod", integer(0L, null)),
            field("idleReplicaCount", integer(0L, null)),
            field("minReplicaCount", integer(0L, null)),
            field("maxReplicaCount", integer(1L, null)),
            field("advanced", object(
                    field("horizontalPodAutoscalerConfig", object(
                            field("name", STRING),
                            field("behavior", kubernetes(HorizontalPodAutoscalerBehavior.class)))),
                    field("restoreToOriginalReplicaCount", BOOLEAN),
                    field("scalingModifiers", object(
                            field("formula", STRING),
                            field("target", STRING),
                            field("activationTarget", STRING),
                            field("metricType", oneOf("AverageValue", "Value")))))),
            field("fallback", object(
                    required("failureThreshold", integer(0L, null)),
                    required("replicas", integer(0L, null)),
                    field("behavior", oneOf("static", "currentReplicas", "currentReplicasIfHigher",
                            "currentReplicasIfLower", "scalingModifiers")))),
            required("triggers", new ListOf(object(
                    required("type", new Scalar(Json.STRING, List.of(), null, null, 1)),
                    required("metadata", STRINGS),
                    field("name", STRING),
                    field("useCachedMetrics", BOOLEAN),
                    // a plain string in the CRD; KEDA takes the HPA's target types (cpu/memory: no "Value")
                    field("metricType", oneOf("AverageValue", "Value", "Utilization")),
                    field("authenticationRef", object(
                            required("name", STRING),
                            field("kind", oneOf("TriggerAuthentication", "ClusterTriggerAuthentication"))))),
                    1))));

    static final Kind OPEN_LIBERTY_APPLICATION = new Kind("apps.openliberty.io/v1", "OpenLibertyApplication", object(
            required("applicationImage", STRING),
            field("applicationName", STRING),
            field("applicationVersion", STRING),
            field("pullPolicy", oneOf("Always", "IfNotPresent", "Never")), // Kubernetes' values, not the CRD's
            field("pullSecret", STRING),
            field("serviceAccountName", STRING),
            field("serviceAccount", object(
                    field("name", STRING),
                    field("mountToken", BOOLEAN),
                    field("skipPullSecretValidation", BOOLEAN))),
            field("createKnativeService", BOOLEAN),
            field("expose", BOOLEAN),
            field("managePasswordEncryption", BOOLEAN),
            field("manageLTPA", BOOLEAN),
            field("manageTLS", BOOLEAN),
            field("replicas", INTEGER),
            field("autoscaling", object(
                    field("maxReplicas", integer(1L, null)),
                    field("minReplicas", INTEGER),
                    field("targetCPUUtilizationPercentage", INTEGER),
                    field("targetMemoryUtilizationPercentage", INTEGER),
                    field("metrics", list(kubernetes(MetricSpec.class))),
                    field("behavior", kubernetes(HorizontalPodAutoscalerBehavior.class)))),
            field("resources", kubernetes(ResourceRequirements.class)),
            field("probes", object(
                    field("startup", kubernetes(Probe.class)),
                    field("liveness", kubernetes(Probe.class)),
                    field("readiness", kubernetes(Probe.class)),
                    field("enableFileBased", BOOLEAN),
                    field("checkInterval", STRING),
                    field("startupCheckInterval", STRING))),
            field("deployment", object(
                    field("updateStrategy", kubernetes(DeploymentStrategy.class)),
                    field("annotations", STRINGS))),
            field("statefulSet", object(
                    field("updateStrategy", kubernetes(StatefulSetUpdateStrategy.class)),
                    field("storage", object(
                            field("size", STRING),
                            field("className", STRING),
                            field("mountPath", STRING),
                            field("volumeClaimTemplate", kubernetes(PersistentVolumeClaim.class)))),
                    field("annotations", STRINGS))),
            field("service", object(
                    field("port", integer(1L, 65535L)),
                    field("type", oneOf("ClusterIP", "NodePort", "LoadBalancer", "ExternalName")), // Kubernetes'
                    field("nodePort", integer(30000L, 32767L)),
                    field("portName", STRING),
                    field("annotations", STRINGS),
                    field("targetPort", integer(1L, 65535L)),
                    field("certificateSecretRef", STRING),
                    field("certificate", object(field("annotations", STRINGS))),
                    field("ports", list(kubernetes(ServicePort.class))),
                    field("bindable", BOOLEAN),
                    field("sessionAffinity", object(
                            field("type", oneOf("ClientIP", "None")), // Kubernetes'
                            field("config", kubernetes(SessionAffinityConfig.class)))),
                    field("disableTopologyRouting", BOOLEAN))),
            field("route", object(
                    field("annotations", STRINGS),
                    field("host", STRING),
                    field("path", STRING),
                    field("pathType", STRING),
                    field("certificateSecretRef", STRING),
                    field("termination", STRING),
                    field("insecureEdgeTerminationPolicy", STRING))),
            field("semeruCloudCompiler", object(
                    field("enable", BOOLEAN),
                    field("replicas", INTEGER),
                    field("resources", kubernetes(ResourceRequirements.class)),
                    field("health", object(field("port", INTEGER))))),
            field("networkPolicy", object(
                    field("disable", BOOLEAN),
                    field("namespaceLabels", STRINGS),
                    field("fromLabels", STRINGS))),
            field("serviceability", object(
                    field("size", STRING),
                    field("volumeClaimName", STRING),
                    field("storageClassName", STRING))),
            field("sso", undescribed(Json.OBJECT)),
            field("monitoring", object(
                    field("labels", STRINGS),
                    field("endpoints", list(kubernetes(Endpoint.class))))),
            field("env", list(kubernetes(EnvVar.class))),
            field("envFrom", list(kubernetes(EnvFromSource.class))),
            field("volumes", list(kubernetes(Volume.class))),
            field("volumeMounts", list(kubernetes(VolumeMount.class))),
            field("initContainers", list(kubernetes(Container.class))),
            field("sidecarContainers", list(kubernetes(Container.class))),
            field("affinity", object(
                    field("nodeAffinity", kubernetes(NodeAffinity.class)),
                    field("podAffinity", kubernetes(PodAffinity.class)),
                    field("podAntiAffinity", kubernetes(PodAntiAffinity.class)),
                    field("nodeAffinityLabels", STRINGS),
                    field("architecture", list(STRING)))),
            // the application container's; the CRD has no pod-level security context
            field("securityContext", kubernetes(SecurityContext.class)),
            field("topologySpreadConstraints", object(
                    field("constraints", list(kubernetes(TopologySpreadConstraint.class))),
                    field("disableOperatorDefaults", BOOLEAN))),
            field("disableServiceLinks", BOOLEAN),
            field("tolerations", list(kubernetes(Toleration.class))),
            field("dns", object(
                    field("policy", oneOf("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None")), // K8s'
                    field("config", kubernetes(PodDNSConfig.class)))),
            field("hostAliases", list(kubernetes(HostAlias.class))),
            field("priorityClassName", STRING)));

    static final Map<String, Kind> KINDS = Stream.of(SCALED_OBJECT, OPEN_LIBERTY_APPLICATION)
            .collect(Collectors.toUnmodifiableMap(Kind::kind, kind -> kind));

    /** The metadata of the KEDA triggers our manifests use, by trigger type. */
    static final Map<String, TriggerMetadata> TRIGGERS = Map.of(
            "redis", new TriggerMetadata(
                    Set.of("address", "addresses", "host", "hosts", "port", "ports", "username", "password",
                            "sentinelUsername", "sentinelPassword", "sentinelMaster", "unsafeSsl", "enableTLS",
                            "listName", "listLength", "activationListLength", "databaseIndex"),
                    Set.of("address", "addresses", "host", "hosts", "port", "ports", "username", "password",
                            "sentinelUsername", "sentinelPassword", "sentinelMaster"),
                    Set.of("listName"),
                    Set.of("listLength", "activationListLength", "databaseIndex"),
                    Set.of("unsafeSsl", "enableTLS")),
            // the deprecated "type" is refused since KEDA 2.18: the trigger's metricType says it
            "cpu", new TriggerMetadata(Set.of("value", "containerName"), Set.of(), Set.of("value"), Set.of(),
                    Set.of()),
            "memory", new TriggerMetadata(Set.of("value", "containerName"), Set.of(), Set.of("value"), Set.of(),
                    Set.of()));

    private CustomResourceShapes() {
    }

    /** Whether {@link #problems} knows this kind. */
    static boolean describes(String kind) {
        return KINDS.containsKey(kind);
    }

    /**
     * The problems of one rendered custom resource, each as "path: what"; empty when its CRD (and, for a
     * ScaledObject's trigger metadata, KEDA) would accept it.
     */
    static List<String> problems(Map<String, Object> document) {
        List<String> problems = new ArrayList<>();
        Kind kind = KINDS.get(String.valueOf(document.get("kind")));
        if (kind == null) {
            problems.add(": no shape for kind " + document.get("kind"));
            return problems;
        }
        if (!kind.apiVersion().equals(document.get("apiVersion"))) {
            problems.add(".apiVersion: " + document.get("apiVersion") + ", the CRD serves " + kind.apiVersion());
        }
        Fields resource = object(
                required("apiVersion", STRING),
                required("kind", STRING),
                required("metadata", kubernetes(ObjectMeta.class)),
                required("spec", kind.spec()),
                field("status", undescribed(Json.OBJECT)));
        check("", document, resource, problems);
        if (kind == SCALED_OBJECT && document.get("spec") instanceof Map<?, ?> spec
                && spec.get("triggers") instanceof List<?> triggers) {
            for (int i = 0; i < triggers.size(); i++) {
                if (triggers.get(i) instanceof Map<?, ?> trigger
                        && trigger.get("metadata") instanceof Map<?, ?> metadata) {
                    triggerMetadata(".spec.triggers[" + i + "]", String.valueOf(trigger.get("type")), metadata,
                            problems);
                }
            }
        }
        return problems;
    }

    private static void triggerMetadata(String trigger, String type, Map<?, ?> metadata, List<String> problems) {
        String path = trigger + ".metadata";
        TriggerMetadata known = TRIGGERS.get(type);
        if (known == null) {
            problems.add(trigger + ".type: the metadata of a " + type
                    + " trigger is not described here: add its keys (pkg/scalers of KEDA) to TRIGGERS");
            return;
        }
        for (String key : known.required()) {
            if (!metadata.containsKey(key) && !metadata.containsKey(key + "FromEnv")) {
                problems.add(path + "." + key + ": required by the " + type + " scaler");
            }
        }
        metadata.forEach((name, value) -> {
            String key = String.valueOf(name);
            boolean fromEnv = key.endsWith("FromEnv")
                    && known.fromEnv().contains(key.substring(0, key.length() - "FromEnv".length()));
            if (!fromEnv && !known.keys().contains(key)) {
                problems.add(path + "." + key + ": unknown to the " + type + " scaler (KEDA ignores it)");
            } else if (known.integers().contains(key) && !String.valueOf(value).matches("-?\\d+")) {
                problems.add(path + "." + key + ": \"" + value + "\" is no integer");
            } else if (known.booleans().contains(key) && !Set.of("true", "false").contains(value)) {
                problems.add(path + "." + key + ": \"" + value + "\" is no boolean");
            }
        });
    }

    private static void check(String path, Object value, Shape shape, List<String> problems) {
        if (shape instanceof Fields fields) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + ": " + describe(value) + ", the CRD wants an object");
                return;
            }
            fields.required().stream()
                    .filter(name -> !map.containsKey(name))
                    .forEach(name -> problems.add(path + "." + name + ": required, missing"));
            map.forEach((key, entry) -> {
                Shape field = fields.fields().get(String.valueOf(key));
                if (field == null) {
                    problems.add(path + "." + key + ": unknown field (the CRD has "
                            + new TreeSet<>(fields.fields().keySet()) + ")");
                } else {
                    check(path + "." + key, entry, field, problems);
                }
            });
        } else if (shape instanceof MapOf mapOf) {
            if (!(value instanceof Map<?, ?> map)) {
                problems.add(path + ": " + describe(value) + ", the CRD wants an object");
                return;
            }
            map.forEach((key, entry) -> check(path + "." + key, entry, mapOf.values(), problems));
        } else if (shape instanceof ListOf listOf) {
            if (!(value instanceof List<?> list)) {
                problems.add(path + ": " + describe(value) + ", the CRD wants an array");
                return;
            }
            if (list.size() < listOf.minItems()) {
                problems.add(path + ": at least " + listOf.minItems() + " item(s)");
            }
            for (int i = 0; i < list.size(); i++) {
                check(path + "[" + i + "]", list.get(i), listOf.items(), problems);
            }
        } else if (shape instanceof Scalar scalar) {
            scalar(path, value, scalar, problems);
        } else if (shape instanceof KubernetesType type) {
            StrictModel.problems(value, type.model()).forEach(problem -> problems.add(path + problem));
        } else if (shape instanceof Undescribed undescribed) {
            boolean empty = value instanceof Map<?, ?> map && map.isEmpty() || value instanceof List<?> list
                    && list.isEmpty();
            if (!empty) {
                problems.add(path + ": the CRD has this " + undescribed.type().name().toLowerCase()
                        + ", but its fields are not described in CustomResourceShapes: add them from the CRD");
            }
        }
    }

    private static void scalar(String path, Object value, Scalar scalar, List<String> problems) {
        boolean typed = switch (scalar.type()) {
            case STRING -> value instanceof String;
            case INTEGER -> isInteger(value);
            case BOOLEAN -> value instanceof Boolean;
            default -> false;
        };
        if (!typed) {
            problems.add(path + ": " + describe(value) + ", the CRD wants " + scalar.type().name().toLowerCase());
            return;
        }
        if (!scalar.allowed().isEmpty() && !scalar.allowed().contains(String.valueOf(value))) {
            problems.add(path + ": " + value + " is none of " + scalar.allowed());
        }
        if (value instanceof String text && text.length() < scalar.minLength()) {
            problems.add(path + ": at least " + scalar.minLength() + " character(s)");
        }
        if (isInteger(value)) {
            BigInteger number = new BigInteger(value.toString());
            if (scalar.minimum() != null && number.compareTo(BigInteger.valueOf(scalar.minimum())) < 0
                    || scalar.maximum() != null && number.compareTo(BigInteger.valueOf(scalar.maximum())) > 0) {
                problems.add(path + ": " + value + " outside [" + scalar.minimum() + ", " + scalar.maximum() + "]");
            }
        }
    }

    private static boolean isInteger(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    private static Fields object(Field... fields) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        Set<String> required = new TreeSet<>();
        for (Field field : fields) {
            if (shapes.put(field.name(), field.shape()) != null) {
                throw new IllegalArgumentException("field " + field.name() + " described twice");
            }
            if (field.required()) {
                required.add(field.name());
            }
        }
        return new Fields(Map.copyOf(shapes), Set.copyOf(required));
    }

    private static Field field(String name, Shape shape) {
        return new Field(name, shape, false);
    }

    private static Field required(String name, Shape shape) {
        return new Field(name, shape, true);
    }

    private static Shape integer(Long minimum, Long maximum) {
        return new Scalar(Json.INTEGER, List.of(), minimum, maximum, 0);
    }

    private static Shape oneOf(String... values) {
        return new Scalar(Json.STRING, List.of(values), null, null, 0);
    }

    private static Shape list(Shape items) {
        return new ListOf(items, 0);
    }

    private static Shape kubernetes(Class<?> model) {
        return new KubernetesType(model);
    }

    private static Shape undescribed(Json type) {
        return new Undescribed(type);
    }
}
