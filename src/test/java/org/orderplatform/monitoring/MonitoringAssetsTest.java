package org.orderplatform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.orderplatform.monitoring.MonitoringAssets.Rule;

/**
 * The monitoring files hold together without any tool: every alert follows the rules file's convention, is labelled
 * and annotated, has its runbook in docs/operations.md and a firing and a quiet promtool case; the dashboard and the
 * Grafana provisioning point at the Prometheus datasource and at the paths docker compose mounts.
 */
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
                MonitoringAssets.ROOT.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources")).get(0);
        assertThat(datasource).containsEntry("uid", "prometheus").containsEntry("type", "prometheus")
                .containsEntry("url", "http://prometheus:9090").containsEntry("isDefault", true);
        Map<String, Object> provider = ((List<Map<String, Object>>) MonitoringAssets.yaml(
                MonitoringAssets.ROOT.resolve("grafana/provisioning/dashboards/order-platform.yml")).get("providers")).get(0);
        assertThat(provider).containsEntry("type", "file");
        assertThat((Map<String, Object>) provider.get("options")).containsEntry("path", "/var/lib/grafana/dashboards");
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
