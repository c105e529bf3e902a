package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.orderplatform.kubernetes.Rendering.Workload;

/**
 * The checks that objects fit together, as an API server cannot check them: selectors select, Services and Ingress
 * backends reach declared ports, autoscalers and budgets point at workloads and leave room to roll, every referenced
 * ConfigMap and Secret key exists, every setting is a real one, RBAC and namespaces are as intended.
 */
final class WiringPolicies {

    /** What the application needs defined in a cluster: settings without a default usable there. */
    static final Set<String> REQUIRED_SETTINGS = Set.of("APP_ENV", "APP_ROLE", "DB_HOST", "DB_NAME", "DB_USER",
            "DB_PASSWORD", "REDIS_HOST", "REDIS_PASSWORD", "JWT_PRIVATE_KEY_FILE", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "FIRST_SUPERUSER_EMAIL", "FIRST_SUPERUSER_PASSWORD");
    private static final Set<String> RBAC_KINDS = Set.of("Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding");

    private WiringPolicies() {
    }

    static List<String> problems(Rendering rendering, SecretTemplate secrets) {
        List<String> problems = new ArrayList<>();
        selectors(rendering, problems);
        services(rendering, problems);
        ingress(rendering, problems);
        autoscalers(rendering, problems);
        budgets(rendering, problems);
        rendering.workloads().forEach(workload -> workload.template().getSpec().getContainers()
                .forEach(container -> references(rendering, secrets, workload, container, problems)));
        accounts(rendering, problems);
        namespace(rendering, problems);
        stores(rendering, problems);
        rendering.objects.stream()
                .filter(object -> object.getMetadata().getLabels() == null
                        || !"order-platform".equals(object.getMetadata().getLabels().get("app.kubernetes.io/part-of")))
                .forEach(object -> problems.add(id(object) + ": no label app.kubernetes.io/part-of=order-platform"));
        return problems;
    }

    private static void selectors(Rendering rendering, List<String> problems) {
        rendering.workloads().filter(workload -> !LabelSelectors.selects(workload.selector(), workload.podLabels()))
                .forEach(workload -> problems.add(workload + ": its selector does not select its own pods"));
    }

    private static List<Workload> selectedBy(Rendering rendering, Map<String, String> selector) {
        return rendering.workloads()
                .filter(workload -> selector != null && !selector.isEmpty()
                        && workload.podLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    private static void services(Rendering rendering, List<String> problems) {
        rendering.all(Service.class).forEach(service -> {
            List<Workload> backends = selectedBy(rendering, service.getSpec().getSelector());
            if (backends.isEmpty()) {
                problems.add("Service/" + service.getMetadata().getName() + ": selects no pods");
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                for (Workload workload : backends) {
                    boolean declared = workload.template().getSpec().getContainers().stream().anyMatch(container ->
                            WorkloadPolicies.declaredPort(container, port.getTargetPort()).isPresent());
                    if (!declared) {
                        problems.add("Service/" + service.getMetadata().getName() + ": target port "
                                + WorkloadPolicies.portText(port.getTargetPort()) + " is not a port of " + workload);
                    }
                }
            }
        });
    }

    private static void ingress(Rendering rendering, List<String> problems) {
        Map<String, Service> services = rendering.all(Service.class)
                .collect(Collectors.toMap(service -> service.getMetadata().getName(), Function.identity()));
        for (Ingress ingress : rendering.all(Ingress.class).toList()) {
            List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                    .flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
            for (HTTPIngressPath path : paths) {
                IngressServiceBackend backend = path.getBackend().getService();
                Service service = services.get(backend.getName());
                if (service == null) {
                    problems.add("Ingress path " + path.getPath() + ": no Service " + backend.getName());
                } else if (service.getSpec().getPorts().stream().noneMatch(port -> backend.getPort().getName() != null
                        ? backend.getPort().getName().equals(port.getName())
                        : backend.getPort().getNumber().equals(port.getPort()))) {
                    problems.add("Ingress path " + path.getPath() + ": Service " + backend.getName()
                            + " has no such port");
                }
            }
            // The longest matching Prefix path wins: /metrics must not end at a pod of the application image.
            paths.stream()
                    .filter(path -> "Prefix".equals(path.getPathType()) && prefixMatches(path.getPath(), "/metrics"))
                    .max((a, b) -> Integer.compare(a.getPath().length(), b.getPath().length()))
                    .map(path -> services.get(path.getBackend().getService().getName()))
                    .filter(service -> service != null && selectedBy(rendering, service.getSpec().getSelector())
                            .stream().anyMatch(workload -> workload.template().getSpec().getContainers().stream()
                                    .anyMatch(WorkloadPolicies::isApp)))
                    .ifPresent(service -> problems.add("Ingress: /metrics is public (routed to Service/"
                            + service.getMetadata().getName() + ")"));
        }
    }

    /** Kubernetes Prefix matching: element-wise on "/"-separated path elements. */
    static boolean prefixMatches(String prefix, String path) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.isEmpty() || path.equals(trimmed) || path.startsWith(trimmed + "/");
    }

    private static void autoscalers(Rendering rendering, List<String> problems) {
        for (HorizontalPodAutoscaler hpa : rendering.all(HorizontalPodAutoscaler.class).toList()) {
            String id = "HorizontalPodAutoscaler/" + hpa.getMetadata().getName();
            var target = hpa.getSpec().getScaleTargetRef();
            Optional<Deployment> deployment = rendering.all(Deployment.class)
                    .filter(d -> target.getKind().equals("Deployment")
                            && d.getMetadata().getName().equals(target.getName()))
                    .findFirst();
            if (deployment.isEmpty()) {
                problems.add(id + ": targets " + target.getKind() + "/" + target.getName() + ", which does not exist");
            } else if (deployment.get().getSpec().getReplicas() != null) {
                problems.add(id + ": its Deployment sets replicas, which every apply would reset");
            }
            var behavior = hpa.getSpec().getBehavior();
            if (behavior == null || behavior.getScaleDown() == null
                    || behavior.getScaleDown().getStabilizationWindowSeconds() == null
                    || behavior.getScaleDown().getStabilizationWindowSeconds() < 60) {
                problems.add(id + ": no scale-down stabilisation of at least a minute");
            }
            if (hpa.getSpec().getMinReplicas() == null
                    || hpa.getSpec().getMinReplicas() > hpa.getSpec().getMaxReplicas()) {
                problems.add(id + ": minReplicas missing or above maxReplicas");
            }
        }
    }

    private static void budgets(Rendering rendering, List<String> problems) {
        for (PodDisruptionBudget budget : rendering.all(PodDisruptionBudget.class).toList()) {
            String id = "PodDisruptionBudget/" + budget.getMetadata().getName();
            List<Workload> covered = rendering.workloads()
                    .filter(workload -> LabelSelectors.selects(budget.getSpec().getSelector(), workload.podLabels()))
                    .toList();
            if (covered.isEmpty()) {
                problems.add(id + ": selects no pods");
            }
            if (budget.getSpec().getUnhealthyPodEvictionPolicy() == null) {
                problems.add(id + ": no unhealthyPodEvictionPolicy");
            }
            var maxUnavailable = budget.getSpec().getMaxUnavailable();
            var minAvailable = budget.getSpec().getMinAvailable();
            boolean room = maxUnavailable != null && (maxUnavailable.getIntVal() != null
                    ? maxUnavailable.getIntVal() >= 1 : !maxUnavailable.getStrVal().equals("0%"));
            if (!room && minAvailable != null && minAvailable.getIntVal() != null) {
                int fewest = covered.stream().mapToInt(workload -> minimumReplicas(rendering, workload)).min()
                        .orElse(0);
                room = minAvailable.getIntVal() < fewest;
            }
            if (!room) {
                problems.add(id + ": leaves no room to evict a pod (a drain or rollout would block)");
            }
        }
    }

    /** The fewest replicas a workload runs: its autoscaler's minimum, else its replica count. */
    static int minimumReplicas(Rendering rendering, Workload workload) {
        return rendering.all(HorizontalPodAutoscaler.class)
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(workload.name()))
                .map(hpa -> hpa.getSpec().getMinReplicas())
                .findFirst()
                .orElseGet(() -> rendering.all(Deployment.class)
                        .filter(d -> d.getMetadata().getName().equals(workload.name()))
                        .map(d -> d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas())
                        .findFirst().orElse(1));
    }

    /** The environment a container starts with, the Secrets' values being placeholders. */
    static Map<String, String> environment(Rendering rendering, SecretTemplate secrets, Container container) {
        return ContainerEnvironment.of(container, rendering, secrets::placeholders).variables();
    }

    private static void references(Rendering rendering, SecretTemplate secrets, Workload workload, Container container,
            List<String> problems) {
        String where = workload + " container " + container.getName();
        ContainerEnvironment.of(container, rendering, secrets::placeholders).missingSources().forEach(source ->
                problems.add(where + ": envFrom " + source + " is neither rendered nor in the secret template"));
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            var from = variable.getValueFrom();
            if (from != null && from.getConfigMapKeyRef() != null) {
                var ref = from.getConfigMapKeyRef();
                if (rendering.configMap(ref.getName()).map(map -> !map.getData().containsKey(ref.getKey()))
                        .orElse(true)) {
                    problems.add(where + ": " + variable.getName() + " refers to missing ConfigMap key "
                            + ref.getName() + "/" + ref.getKey());
                }
            }
            if (from != null && from.getSecretKeyRef() != null) {
                var ref = from.getSecretKeyRef();
                if (!secrets.keys(ref.getName()).contains(ref.getKey())) {
                    problems.add(where + ": " + variable.getName() + " refers to Secret key " + ref.getName() + "/"
                            + ref.getKey() + ", which the secret template does not have");
                }
            }
        }
        Map<String, String> mountedFiles = new HashMap<>();
        for (var mount : Optional.ofNullable(container.getVolumeMounts()).orElse(List.of())) {
            workload.template().getSpec().getVolumes().stream()
                    .filter(volume -> volume.getName().equals(mount.getName()) && volume.getSecret() != null)
                    .findFirst()
                    .ifPresent(volume -> {
                        Set<String> keys = secrets.keys(volume.getSecret().getSecretName());
                        if (keys.isEmpty()) {
                            problems.add(where + ": mounts Secret " + volume.getSecret().getSecretName()
                                    + ", which is not in the template");
                        }
                        keys.forEach(key -> mountedFiles.put(mount.getMountPath() + "/" + key, key));
                    });
        }
        if (!WorkloadPolicies.isApp(container)) {
            return;
        }
        Map<String, String> environment = environment(rendering, secrets, container);
        Set<String> documented = AppSettings.documented();
        new TreeSet<>(environment.keySet()).stream().filter(name -> !documented.contains(name))
                .forEach(name -> problems.add(where + ": sets " + name + ", which is no setting of the application"
                        + " (README, Configuration)"));
        REQUIRED_SETTINGS.stream().sorted().filter(name -> !environment.containsKey(name))
                .forEach(name -> problems.add(where + ": does not define " + name));
        environment.forEach((name, value) -> {
            if ((name.endsWith("_FILE") || name.endsWith("_LOCATION")) && !mountedFiles.containsKey(value)) {
                problems.add(where + ": " + name + "=" + value + " is no file mounted from a Secret");
            }
        });
        if ("api".equals(environment.get("APP_ROLE"))) {
            String proxies = environment.getOrDefault("TRUSTED_PROXIES", "");
            if (proxies.isBlank() || proxies.contains("0.0.0.0/0") || proxies.contains("::/0")) {
                problems.add(where + ": TRUSTED_PROXIES must name the ingress's network, not nothing or everything");
            }
        }
    }

    private static void accounts(Rendering rendering, List<String> problems) {
        Set<String> accounts = rendering.all(ServiceAccount.class).map(account -> {
            if (!Boolean.FALSE.equals(account.getAutomountServiceAccountToken())) {
                problems.add("ServiceAccount/" + account.getMetadata().getName() + ": automounts its token");
            }
            return account.getMetadata().getName();
        }).collect(Collectors.toSet());
        rendering.workloads().forEach(workload -> {
            String account = workload.template().getSpec().getServiceAccountName();
            if (account != null && !accounts.contains(account)) {
                problems.add(workload + ": ServiceAccount " + account + " does not exist");
            }
        });
        rendering.objects.stream().filter(object -> RBAC_KINDS.contains(object.getKind()))
                .forEach(object -> problems.add(object.getKind() + "/" + object.getMetadata().getName()
                        + ": no workload calls the Kubernetes API, so no RBAC is needed"));
    }

    private static void namespace(Rendering rendering, List<String> problems) {
        List<Namespace> namespaces = rendering.all(Namespace.class).toList();
        if (namespaces.size() != 1) {
            problems.add("expected exactly one Namespace, found " + namespaces.size());
            return;
        }
        Namespace namespace = namespaces.get(0);
        if (!"restricted".equals(namespace.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"))) {
            problems.add("Namespace " + namespace.getMetadata().getName()
                    + ": Pod Security is not enforced as restricted");
        }
        rendering.objects.stream().filter(object -> !(object instanceof Namespace))
                .filter(object -> !namespace.getMetadata().getName().equals(object.getMetadata().getNamespace()))
                .forEach(object -> problems.add(object.getKind() + "/" + object.getMetadata().getName()
                        + ": not in namespace " + namespace.getMetadata().getName()));
        boolean defaultDeny = rendering.all(NetworkPolicy.class).anyMatch(policy ->
                LabelSelectors.isEmpty(policy.getSpec().getPodSelector())
                        && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of()).isEmpty()
                        && Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of()).isEmpty());
        if (!defaultDeny) {
            problems.add("no NetworkPolicy denies all ingress and egress by default");
        }
    }

    /**
     * The stores' addresses: a namespace-qualified Service name ("redis.order-platform.svc") must name a Service of
     * this rendering, in its namespace; a Redis spoken to over TLS must be asked for the queue length over TLS too.
     */
    @SuppressWarnings("unchecked")
    private static void stores(Rendering rendering, List<String> problems) {
        Map<String, String> settings = rendering.settings().getData();
        for (String setting : List.of("DB_HOST", "REDIS_HOST")) {
            String host = settings.getOrDefault(setting, "");
            String[] parts = host.split("\\.");
            if (parts.length >= 3 && parts[2].equals("svc")) {
                boolean exists = rendering.all(Service.class).anyMatch(service ->
                        service.getMetadata().getName().equals(parts[0])
                                && parts[1].equals(service.getMetadata().getNamespace()));
                if (!exists) {
                    problems.add(setting + "=" + host + " names no Service of this rendering");
                }
            }
        }
        boolean tls = Boolean.parseBoolean(settings.getOrDefault("REDIS_SSL", "false"));
        rendering.custom("ScaledObject").forEach(scaledObject -> {
            List<Map<String, Object>> triggers = (List<Map<String, Object>>)
                    ((Map<String, Object>) scaledObject.getAdditionalProperties().get("spec")).get("triggers");
            triggers.stream().filter(trigger -> "redis".equals(trigger.get("type")))
                    .map(trigger -> (Map<String, Object>) trigger.get("metadata"))
                    .filter(metadata -> tls != "true".equals(metadata.get("enableTLS")))
                    .forEach(metadata -> problems.add("ScaledObject/" + scaledObject.getMetadata().getName()
                            + ": its redis trigger's enableTLS does not match REDIS_SSL=" + tls));
        });
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
