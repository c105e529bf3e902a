package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderplatform.kubernetes.Rendering.Workload;

/**
 * The policy checks over every rendered variant (kube-linter's and Polaris's defaults, and the platform's own
 * rules), and proof that each kind of check finds a mistake put into a good rendering on purpose.
 */
@Tag("assets")
@SuppressWarnings("unchecked")
class KubernetesPolicyTest {

    private static final SecretTemplate SECRETS = SecretTemplate.read();

    static List<Variant> variants() {
        return Variants.all();
    }

    static List<String> problems(Rendering rendering) {
        List<String> problems = new ArrayList<>();
        problems.addAll(WorkloadPolicies.problems(rendering));
        problems.addAll(WorkloadPolicies.spreading(rendering, rendering.all(HorizontalPodAutoscaler.class)
                .map(hpa -> hpa.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet())));
        problems.addAll(WiringPolicies.problems(rendering, SECRETS));
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldPassEveryPolicy(Variant variant) {
        assertThat(problems(variant.render())).as("policy problems of %s", variant).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldGiveStoppingWorkersTheirDrainTime(Variant variant) {
        Rendering rendering = variant.render();
        Workload worker = rendering.workload("worker").orElseThrow();
        Container container = worker.template().getSpec().getContainers().get(0);
        Map<String, String> environment = WiringPolicies.environment(rendering, SECRETS, container);
        long drain = Long.parseLong(environment.get("WORKER_SHUTDOWN_GRACE_SECONDS"));
        long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
        // Liberty needs a few seconds of its own after the workers handed back their jobs
        assertThat(worker.template().getSpec().getTerminationGracePeriodSeconds())
                .as("terminationGracePeriodSeconds of the workers: preStop %d s + drain %d s + 10 s for Liberty's stop",
                        preStop, drain)
                .isGreaterThanOrEqualTo(preStop + drain + 10);
    }

    @Test
    void shouldRunTheStoresAsComposeDoes() throws IOException {
        Rendering rendering = Variants.dev().render();
        Container redis = rendering.workload("redis").orElseThrow().template().getSpec().getContainers().get(0);
        assertThat(String.join(" ", redis.getArgs()))
                .contains("--appendonly yes", "--appendfsync everysec", "--maxmemory-policy noeviction");
        assertThat(rendering.all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class))
                .allSatisfy(set -> assertThat(set.getSpec().getVolumeClaimTemplates()).isNotEmpty());

        Container postgres = rendering.workload("postgres").orElseThrow().template().getSpec().getContainers().get(0);
        Map<String, String> settings = rendering.settings().getData();
        assertThat(postgres.getEnv()).as("the database and user PostgreSQL creates are those the application uses")
                .anySatisfy(variable -> assertThat(variable).extracting("name", "value")
                        .containsExactly("POSTGRES_DB", settings.get("DB_NAME")))
                .anySatisfy(variable -> assertThat(variable).extracting("name", "value")
                        .containsExactly("POSTGRES_USER", settings.get("DB_USER")));

        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose).as("the same store images as docker-compose.yml's defaults")
                .contains("${POSTGRES_IMAGE:-" + postgres.getImage() + "}", "${REDIS_IMAGE:-" + redis.getImage() + "}");
    }

    @Test
    void shouldDocumentEverySettingTheApplicationReads() {
        assertThat(AppSettings.documented()).as("README's configuration table")
                .containsAll(AppSettings.read()).contains("APP_ROLE", "TRUSTED_PROXIES");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRunTheSameRulesAsCompose() throws IOException {
        Rendering rendering = Variants.prod().render();
        Map<String, Object> rule = Rendering.SERIALIZATION.convertValue(
                rendering.find("PrometheusRule", "order-platform").orElseThrow(), Map.class);
        Map<String, Object> composeRules =
                Rendering.parse(Files.readString(Path.of("monitoring/prometheus/rules/order-platform.yml"))).get(0);
        assertThat(rule.get("spec"))
                .as("the PrometheusRule's spec, regenerate with `java scripts/PrometheusRuleResource.java`")
                .isEqualTo(composeRules);

        ConfigMap dashboard = rendering.all(ConfigMap.class)
                .filter(map -> map.getMetadata().getName().equals("order-platform-dashboard"))
                .findFirst().orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData().get("order-platform.json"))
                .isEqualTo(Files.readString(Path.of("monitoring/grafana/dashboards/order-platform.json")));
    }

    // The checks can fail: each mistake below, put into the good dev rendering, is reported.

    @Test
    void shouldReportAMissingProbeAnUnpinnedImageAndAWritableRoot() {
        Rendering broken = Variants.dev().render().with(documents -> {
            Map<String, Object> backend = container(documents, "Deployment", "backend");
            backend.remove("readinessProbe");
            backend.put("image", "order-platform:latest");
            ((Map<String, Object>) backend.get("securityContext")).put("readOnlyRootFilesystem", false);
        });
        assertThat(problems(broken)).contains(
                "Deployment/backend container backend: no readiness probe",
                "Deployment/backend container backend: image order-platform:latest is not pinned to a version or "
                        + "digest",
                "Deployment/backend container backend: root filesystem is writable");
    }

    @Test
    void shouldReportAMisspeltSettingAMissingSecretAndAMissingSecretKey() {
        Rendering broken = Variants.dev().render().with(documents -> {
            Map<String, Object> data = (Map<String, Object>) document(documents, "ConfigMap", null).get("data");
            data.put("WORKER_CONCURENCY", "8");
            Map<String, Object> postgres = container(documents, "StatefulSet", "postgres");
            ((Map<String, Object>) ((Map<String, Object>) ((List<Map<String, Object>>) postgres.get("env")).get(2)
                    .get("valueFrom")).get("secretKeyRef")).put("key", "POSTGRES_PASSWORD");
            List<Map<String, Object>> envFrom =
                    (List<Map<String, Object>>) container(documents, "Deployment", "backend").get("envFrom");
            ((Map<String, Object>) envFrom.get(1).get("secretRef")).put("name", "order-platform-secret");
        });
        assertThat(problems(broken))
                .contains("Deployment/worker container worker: sets WORKER_CONCURENCY, which is no setting of the "
                        + "application (README, Configuration)")
                .contains("Deployment/backend container backend: envFrom Secret order-platform-secret is neither "
                        + "rendered nor in the secret template", "Deployment/backend container backend: does not "
                        + "define DB_PASSWORD")
                .anyMatch(problem -> problem.contains("refers to Secret key order-platform-secrets/POSTGRES_PASSWORD"));
    }

    @Test
    void shouldReportPublicMetricsABlockingBudgetAndAWrongServicePort() {
        Rendering broken = Variants.dev().render().with(documents -> {
            List<Map<String, Object>> rules =
                    (List<Map<String, Object>>) spec(documents, "Ingress", "order-platform").get("rules");
            List<Map<String, Object>> paths =
                    (List<Map<String, Object>>) ((Map<String, Object>) rules.get(0).get("http")).get("paths");
            paths.add(Map.of("path", "/metrics", "pathType", "Prefix",
                    "backend", Map.of("service", Map.of("name", "backend", "port", Map.of("name", "http")))));
            Map<String, Object> budget = spec(documents, "PodDisruptionBudget", "backend");
            budget.remove("maxUnavailable");
            budget.put("minAvailable", 1);
            ((List<Map<String, Object>>) spec(documents, "Service", "frontend").get("ports")).get(0)
                    .put("targetPort", 80);
        });
        assertThat(problems(broken)).contains(
                "Ingress: /metrics is public (routed to Service/backend)",
                "PodDisruptionBudget/backend: leaves no room to evict a pod (a drain or rollout would block)",
                "Service/frontend: target port 80 is not a port of Deployment/frontend");
    }

    private static Map<String, Object> document(List<Map<String, Object>> documents, String kind, String name) {
        return documents.stream()
                .filter(document -> kind.equals(document.get("kind")) && (name == null
                        || name.equals(((Map<String, Object>) document.get("metadata")).get("name"))))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> spec(List<Map<String, Object>> documents, String kind, String name) {
        return (Map<String, Object>) document(documents, kind, name).get("spec");
    }

    private static Map<String, Object> container(List<Map<String, Object>> documents, String kind, String name) {
        Map<String, Object> template = (Map<String, Object>) spec(documents, kind, name).get("template");
        return ((List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers")).get(0);
    }

}
