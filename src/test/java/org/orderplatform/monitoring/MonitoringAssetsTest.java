package org.orderplatform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.orderplatform.kubernetes.Variants;
import org.orderplatform.monitoring.MonitoringAssets.Rule;

/**
 * The monitoring files hold together without any tool: every alert follows the rules file's convention, is labelled
 * and annotated, has its runbook in docs/operations.md and a firing and a quiet promtool case; the dashboard and the
 * Grafana provisioning point at the Prometheus datasource and at the paths docker compose mounts; the scrape
 * configuration for Kubernetes labels the pods of the manifests as compose's does and as the rules select them.
 */
@Tag("assets")
class MonitoringAssetsTest {

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

    @Test
    void shouldWriteEveryAlertAsSignalComparedWithANumber() {
        assertThat(MonitoringAssets.alerts()).isNotEmpty();
        for (Rule alert : MonitoringAssets.alerts()) {
            assertThat(MonitoringAssets.signalOf(alert)).as(alert.alert()).isNotBlank();
        }
    }

    @Test
    void shouldRefuseAnExpressionWhoseComparisonIsNotAtTheTopLevel() {
        Rule nested = new Rule("g", null, "Nested", "(max(order_dead_letters) > 0) and on() vector(1)", Map.of(),
                Map.of());
        Rule inside = new Rule("g", null, "Inside", "max(order_dead_letters > 0)", Map.of(), Map.of());

        for (Rule alert : List.of(nested, inside)) {
            try {
                MonitoringAssets.signalOf(alert);
                throw new IllegalStateException("accepted " + alert.expr());
            } catch (AssertionError expected) {
                assertThat(expected).hasMessageContaining(alert.alert());
            }
        }
        assertThat(MonitoringAssets.signalOf(new Rule("g", null, "Ok", "(count(up == 1) or vector(0)) < 1", Map.of(),
                Map.of()))).isEqualTo("(count(up == 1) or vector(0))");
    }

    @Test
    void shouldLabelAndAnnotateEveryAlert() {
        for (Rule alert : MonitoringAssets.alerts()) {
            assertThat(alert.labels().get("severity")).as("severity of %s", alert.alert()).isIn("critical", "warning");
            assertThat(alert.annotations()).as("annotations of %s", alert.alert())
                    .containsKeys("summary", "description", "runbook_url");
        }
        assertThat(MonitoringAssets.alerts().stream().map(Rule::alert)).doesNotHaveDuplicates();
    }

    @Test
    void shouldPointEveryRunbookUrlAtAHeadingOfTheOperationsGuide() {
        Set<String> anchors = anchors(MonitoringAssets.read(MonitoringAssets.OPERATIONS));
        for (Rule alert : MonitoringAssets.alerts()) {
            String url = alert.annotations().get("runbook_url").toString();
            assertThat(url).as("runbook_url of %s", alert.alert()).startsWith("docs/operations.md#");
            assertThat(anchors).as("headings of docs/operations.md (for %s)", alert.alert())
                    .contains(url.substring(url.indexOf('#') + 1));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldHaveAFiringAndAQuietUnitTestCaseForEveryAlert() throws IOException {
        Set<String> firing = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        try (Stream<Path> files = Files.list(MonitoringAssets.RULE_TESTS)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yml")).toList()) {
                for (Map<String, Object> test : (List<Map<String, Object>>) MonitoringAssets.yaml(file).get("tests")) {
                    for (Map<String, Object> check : (List<Map<String, Object>>) test.getOrDefault("alert_rule_test",
                            List.of())) {
                        List<?> expected = (List<?>) check.get("exp_alerts");
                        (expected == null || expected.isEmpty() ? quiet : firing).add((String) check.get("alertname"));
                    }
                }
            }
        }
        Set<String> alerts = MonitoringAssets.alerts().stream().map(Rule::alert).collect(Collectors.toSet());
        assertThat(firing).as("alerts with a firing case").containsAll(alerts);
        assertThat(quiet).as("alerts with a case where they do not fire").containsAll(alerts);
        assertThat(alerts).as("alerts the tests name").containsAll(firing).containsAll(quiet);
    }

    @Test
    void shouldQueryOnlyThePrometheusDatasourceFromTheDashboard() {
        JsonObject dashboard = MonitoringAssets.dashboard();
        assertThat(dashboard.getString("uid")).isEqualTo("order-platform");
        assertThat(dashboard.getString("title")).isEqualTo("Order Platform");
        List<JsonObject> panels = dashboard.getJsonArray("panels").stream().map(JsonValue::asJsonObject).toList();
        assertThat(panels.stream().map(panel -> panel.getInt("id"))).doesNotHaveDuplicates();
        for (JsonObject panel : panels.stream().filter(panel -> !"row".equals(panel.getString("type"))).toList()) {
            assertThat(panel.getJsonObject("datasource").getString("uid")).as(panel.getString("title"))
                    .isEqualTo("prometheus");
            assertThat(panel.getJsonArray("targets")).as("queries of %s", panel.getString("title")).isNotEmpty();
            assertThat(panel.getJsonObject("gridPos").getInt("x") + panel.getJsonObject("gridPos").getInt("w"))
                    .as("right edge of %s", panel.getString("title")).isLessThanOrEqualTo(24);
        }
        assertThat(MonitoringAssets.dashboardQueries()).isNotEmpty().allSatisfy((panel, query) ->
                assertThat(query).as("%s, once Grafana's interval variables are replaced", panel).doesNotContain("$"));
    }

    @Test
    void shouldReplaceGrafanasIntervalVariables() {
        assertThat(MonitoringAssets.withoutGrafanaVariables("rate(x[$__rate_interval]) + rate(y[${__interval}])"))
                .isEqualTo("rate(x[1m]) + rate(y[1m])");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldScrapeTheComposeServicesAndLoadTheMountedRules() {
        Map<String, Object> config = MonitoringAssets.yaml(MonitoringAssets.PROMETHEUS_CONFIG);
        assertThat(((Map<String, Object>) config.get("global")).get("scrape_interval")).isEqualTo("15s");
        assertThat((List<String>) config.get("rule_files")).containsExactly("/etc/prometheus/rules/*.yml");
        Map<String, Map<String, Object>> jobs = ((List<Map<String, Object>>) config.get("scrape_configs")).stream()
                .collect(Collectors.toMap(job -> (String) job.get("job_name"), job -> job));
        assertThat(jobs).containsOnlyKeys("backend", "worker");
        assertThat(jobs.get("backend").toString()).contains("backend:9080").contains("role=api");
        assertThat(jobs.get("worker").get("dns_sd_configs").toString())
                .contains("names=[worker]").contains("type=A").contains("port=9080");
        assertThat(jobs.values()).allSatisfy(job -> assertThat(job.get("metrics_path")).isEqualTo("/metrics"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldProvisionTheDatasourceAndDashboardThatTheDashboardExpects() {
        Map<String, Object> datasource = ((List<Map<String, Object>>) MonitoringAssets.yaml(
                MonitoringAssets.ROOT.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources"))
                .get(0);
        assertThat(datasource).containsEntry("uid", "prometheus").containsEntry("type", "prometheus")
                .containsEntry("url", "http://prometheus:9090").containsEntry("isDefault", true);
        Map<String, Object> provider = ((List<Map<String, Object>>) MonitoringAssets.yaml(
                MonitoringAssets.ROOT.resolve("grafana/provisioning/dashboards/order-platform.yml")).get("providers"))
                .get(0);
        assertThat(provider).containsEntry("type", "file");
        assertThat((Map<String, Object>) provider.get("options")).containsEntry("path", "/var/lib/grafana/dashboards");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldFindThePodsThroughTheApiServerAndLoadTheMountedRules() {
        Map<String, Object> config = MonitoringAssets.yaml(MonitoringAssets.KUBERNETES_PROMETHEUS_CONFIG);
        assertThat(((Map<String, Object>) config.get("global")).get("scrape_interval")).isEqualTo("15s");
        assertThat((List<String>) config.get("rule_files")).containsExactly("/etc/prometheus/rules/*.yml");
        Map<String, Object> job = kubernetesScrapeConfig();
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        assertThat((List<Map<String, Object>>) job.get("kubernetes_sd_configs"))
                .singleElement().satisfies(discovery -> assertThat(discovery).containsEntry("role", "pod")
                        .doesNotContainKey("api_server"));
    }

    /**
     * Every container port of every pod the manifests run (kubernetes/base and the in-cluster stores), as Kubernetes
     * service discovery presents it, through the relabelling of monitoring/prometheus/kubernetes.yml: exactly the
     * backend's and the worker's port http remain, labelled as docker compose labels them and as the rules select.
     */
    @Test
    void shouldLabelTheKubernetesTargetsAsComposeDoesAndAsTheRulesSelect() {
        List<Map<String, Object>> relabelling = relabelConfigs();
        List<Map<String, String>> targets = new ArrayList<>();
        for (ManifestPod pod : manifestPods()) {
            for (String port : pod.ports()) {
                Relabelling.apply(relabelling, discovered(pod, port, "Running")).ifPresent(targets::add);
            }
        }

        assertThat(targets).containsExactlyInAnyOrder(
                Map.of("job", "backend", "role", "api", "instance", "backend-5d8f7c9b4-x2k9q",
                        "namespace", "order-platform", "pod", "backend-5d8f7c9b4-x2k9q"),
                Map.of("job", "worker", "role", "worker", "instance", "worker-5d8f7c9b4-x2k9q",
                        "namespace", "order-platform", "pod", "worker-5d8f7c9b4-x2k9q"));
        Set<String> jobs = targets.stream().map(target -> target.get("job")).collect(Collectors.toSet());
        assertThat(jobs).as("jobs the alert rules select").isEqualTo(jobsTheRulesSelect());
        assertThat(targets.stream().collect(
                Collectors.toMap(target -> target.get("job"), target -> target.get("role"))))
                .as("role of each job, as docker compose's prometheus.yml gives it").isEqualTo(composeRoles());
    }

    @Test
    void shouldNotScrapeEndedPodsNorPodsOfAnotherApplication() {
        List<Map<String, Object>> relabelling = relabelConfigs();
        ManifestPod backend = manifestPods().stream().filter(pod -> "backend".equals(pod.name())).findFirst()
                .orElseThrow();
        Map<String, String> otherApplication = new LinkedHashMap<>(backend.labels());
        otherApplication.put("app.kubernetes.io/part-of", "another-application");

        assertThat(Relabelling.apply(relabelling, discovered(backend, "http", "Running"))).isPresent();
        assertThat(Relabelling.apply(relabelling, discovered(backend, "http", "Succeeded"))).isEmpty();
        assertThat(Relabelling.apply(relabelling, discovered(backend, "http", "Failed"))).isEmpty();
        assertThat(Relabelling.apply(relabelling,
                discovered(new ManifestPod("backend", otherApplication, backend.ports()), "http", "Running")))
                .isEmpty();
    }

    @Test
    void shouldRelabelAsPrometheusDoes() {
        List<Map<String, Object>> configs = List.of(
                Map.of("source_labels", List.of("a", "b"), "regex", "(x);(.*)", "target_label", "joined",
                        "replacement", "${2}-$1"),
                Map.of("source_labels", List.of("missing"), "target_label", "emptied"),
                Map.of("source_labels", List.of("a"), "regex", "x|y", "action", "keep"));
        Map<String, String> labels = Map.of("a", "x", "b", "z", "emptied", "before", "__address__", "10.0.0.1:9080");

        assertThat(Relabelling.apply(configs, labels)).contains(
                Map.of("a", "x", "b", "z", "joined", "z-x", "instance", "10.0.0.1:9080"));
        // anchored: "xx" is not "x|y"
        assertThat(Relabelling.apply(configs, Map.of("a", "xx"))).isEmpty();
        assertThat(Relabelling.podLabel("app.kubernetes.io/part-of")).isEqualTo(
                "__meta_kubernetes_pod_label_app_kubernetes_io_part_of");
    }

    /** A pod template of the manifests: its name, its labels as they reach the pod, its container ports' names. */
    record ManifestPod(String name, Map<String, String> labels, List<String> ports) {
    }

    /**
     * The pods of overlays/dev as kustomize renders them: a renamed label or port there changes what this test sees.
     */
    static List<ManifestPod> manifestPods() {
        List<ManifestPod> pods = Variants.dev().render().workloads()
                .map(workload -> new ManifestPod(workload.name(), workload.podLabels(),
                        workload.template().getSpec().getContainers().stream()
                                .flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of())
                                        .stream())
                                .map(ContainerPort::getName)
                                .toList()))
                .toList();
        assertThat(pods).extracting(ManifestPod::name)
                .containsExactlyInAnyOrder("backend", "worker", "frontend", "postgres", "redis");
        return pods;
    }

    /** A target as Prometheus' Kubernetes discovery (role pod) gives it: one per pod and container port. */
    private static Map<String, String> discovered(ManifestPod pod, String port, String phase) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("job", (String) kubernetesScrapeConfig().get("job_name"));
        labels.put("__address__", "10.244.1.7:9080");
        labels.put("__metrics_path__", "/metrics");
        labels.put("__meta_kubernetes_namespace", "order-platform");
        labels.put("__meta_kubernetes_pod_name", pod.name() + "-5d8f7c9b4-x2k9q");
        labels.put("__meta_kubernetes_pod_phase", phase);
        labels.put("__meta_kubernetes_pod_ready", "true");
        labels.put("__meta_kubernetes_pod_container_port_name", port);
        pod.labels().forEach((name, value) -> labels.put(Relabelling.podLabel(name), value));
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kubernetesScrapeConfig() {
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) MonitoringAssets.yaml(
                MonitoringAssets.KUBERNETES_PROMETHEUS_CONFIG).get("scrape_configs");
        assertThat(jobs).as("scrape_configs of %s", MonitoringAssets.KUBERNETES_PROMETHEUS_CONFIG).hasSize(1);
        return jobs.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> relabelConfigs() {
        return (List<Map<String, Object>>) kubernetesScrapeConfig().get("relabel_configs");
    }

    /** Every job a rule names - {@code job="worker"}, {@code job=~"backend|worker"} - as a set of job names. */
    private static Set<String> jobsTheRulesSelect() {
        Set<String> jobs = new HashSet<>();
        Matcher selector = Pattern.compile("job\\s*(=~|=)\\s*\"([^\"]*)\"").matcher(
                MonitoringAssets.rules().stream().map(Rule::expr).collect(Collectors.joining("\n")));
        while (selector.find()) {
            jobs.addAll(selector.group(1).equals("=") ? List.of(selector.group(2))
                    : List.of(selector.group(2).split("\\|")));
        }
        assertThat(jobs).as("jobs named by the rules").isNotEmpty();
        return jobs;
    }

    /** job → role as docker compose's Prometheus gives them: a static label, or a relabelling that sets it. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> composeRoles() {
        Map<String, String> roles = new HashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) MonitoringAssets.yaml(
                MonitoringAssets.PROMETHEUS_CONFIG).get("scrape_configs")) {
            for (Map<String, Object> targets : (List<Map<String, Object>>) job.getOrDefault("static_configs",
                    List.of())) {
                Map<String, Object> labels = (Map<String, Object>) targets.getOrDefault("labels", Map.of());
                if (labels.containsKey("role")) {
                    roles.put((String) job.get("job_name"), labels.get("role").toString());
                }
            }
            for (Map<String, Object> step : (List<Map<String, Object>>) job.getOrDefault("relabel_configs",
                    List.of())) {
                if ("role".equals(step.get("target_label"))) {
                    roles.put((String) job.get("job_name"), step.get("replacement").toString());
                }
            }
        }
        return roles;
    }

    /** The anchors GitHub gives the headings of a Markdown file: lower case, punctuation dropped, spaces as dashes. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            anchors.add(heading.group(1).toLowerCase().replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
