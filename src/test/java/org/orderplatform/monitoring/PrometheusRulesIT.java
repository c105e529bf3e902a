package org.orderplatform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderplatform.monitoring.MonitoringAssets.Rule;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus files of {@code monitoring/} pass Prometheus' own checks ({@code promtool check config},
 * {@code check rules}, {@code test rules}) - docker compose's scrape configuration and the one for Kubernetes alike -
 * and the rule unit tests would notice an alert whose threshold changed. Needs Debian's {@code prometheus} package
 * (skipped otherwise).
 */
class PrometheusRulesIT {

    private static final Path WORK = Path.of("target/prometheus-rules");

    /** Docker compose's configuration and the one for Kubernetes without the Prometheus Operator. */
    static List<Path> configurations() {
        return List.of(MonitoringAssets.PROMETHEUS_CONFIG, MonitoringAssets.KUBERNETES_PROMETHEUS_CONFIG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void shouldAcceptTheConfiguration(Path configuration) throws IOException {
        assertSucceeds(Promtool.promtool("check", "config", checkable(configuration).toString()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void shouldAcceptTheConfigurationWithTheRulesItLoads(Path configuration) throws IOException {
        // the same file with its rule_files pointing into this repository instead of the container's mount point:
        // check config then checks the rules as Prometheus loads them
        String config = MonitoringAssets.read(configuration);
        assertThat(config).contains("/etc/prometheus/rules/*.yml");
        Path copy = Files.createDirectories(WORK).resolve(configuration.getFileName());
        Files.writeString(copy, config.replace("/etc/prometheus/rules/*.yml",
                MonitoringAssets.RULES.toAbsolutePath().getParent() + "/*.yml"));

        Promtool.Run run = Promtool.promtool("check", "config", checkable(copy).toString());

        assertSucceeds(run);
        assertThat(run.output()).contains("rules found");
    }

    @Test
    void shouldAcceptTheRules() {
        Promtool.Run run = Promtool.promtool("check", "rules", MonitoringAssets.RULES.toString());

        assertSucceeds(run);
        assertThat(run.output()).contains(MonitoringAssets.rules().size() + " rules found");
    }

    @Test
    void shouldPassTheRuleUnitTests() throws IOException {
        assertSucceeds(Promtool.promtool(testRules(ruleTests()).toArray(String[]::new)));
    }

    /**
     * Each alert's threshold in turn made ten times larger (or, for "less than", smaller): the unit tests must fail,
     * proving that each alert has a case that fires just because of that threshold.
     */
    @Test
    void shouldFailTheRuleUnitTestsWhenAnyAlertThresholdChanges() throws IOException {
        String rules = MonitoringAssets.read(MonitoringAssets.RULES);
        List<String> unnoticed = new ArrayList<>();
        for (Rule alert : MonitoringAssets.alerts()) {
            String mutated = mutateThreshold(alert.expr());
            assertThat(rules).as("expr of %s as written in the file", alert.alert()).contains(alert.expr());
            Path dir = Files.createDirectories(WORK.resolve("mutants").resolve(alert.alert()));
            Files.createDirectories(dir.resolve("rules"));
            Files.writeString(dir.resolve("rules/order-platform.yml"), rules.replace(alert.expr(), mutated));
            List<String> tests = new ArrayList<>();
            Files.createDirectories(dir.resolve("tests"));
            for (Path test : ruleTests()) {
                Path copy = dir.resolve("tests").resolve(test.getFileName());
                Files.copy(test, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                tests.add(copy.toString());
            }
            Promtool.Run run = Promtool.promtool(
                    testRules(tests.stream().map(Path::of).toList()).toArray(String[]::new));
            if (run.exitCode() == 0) {
                unnoticed.add(alert.alert() + " (" + mutated + ")");
            }
        }
        assertThat(unnoticed).as("alerts whose changed threshold no rule unit test noticed").isEmpty();
    }

    private static String mutateThreshold(String expr) {
        String signal = MonitoringAssets.signalOf(
                new Rule("", null, "mutant", expr, java.util.Map.of(), java.util.Map.of()));
        String comparison = expr.substring(signal.length()).strip();
        String operator = comparison.replaceAll("[-0-9.eE+\\s]+$", "");
        double threshold = Double.parseDouble(comparison.substring(operator.length()).strip());
        double changed = operator.startsWith("<") ? threshold / 10 - 1 : threshold * 10 + 1;
        return signal + " " + operator + " " + changed;
    }

    private static List<String> testRules(List<Path> tests) {
        List<String> arguments = new ArrayList<>(List.of("test", "rules"));
        tests.forEach(test -> arguments.add(test.toString()));
        return arguments;
    }

    private static List<Path> ruleTests() throws IOException {
        try (Stream<Path> files = Files.list(MonitoringAssets.RULE_TESTS)) {
            List<Path> tests = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
            assertThat(tests).as("promtool unit tests in %s", MonitoringAssets.RULE_TESTS).isNotEmpty();
            return tests;
        }
    }

    /**
     * The configuration as this promtool can check it. Debian's Prometheus is built without Kubernetes service
     * discovery (Debian removed it with its client library), so its promtool refuses {@code kubernetes_sd_configs} as
     * an unknown field. For such a promtool the file checked is a copy with a static target in place of each
     * discovery block: everything else - relabelling and its regular expressions, rule files, intervals - is checked
     * as written; the discovery block's own content is checked by MonitoringAssetsTest. Any other promtool checks the
     * file itself.
     */
    @SuppressWarnings("unchecked")
    private static Path checkable(Path configuration) throws IOException {
        Map<String, Object> config = MonitoringAssets.yaml(configuration);
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        if (jobs.stream().noneMatch(job -> job.containsKey("kubernetes_sd_configs")) || promtoolKnowsKubernetes()) {
            return configuration;
        }
        for (Map<String, Object> job : jobs) {
            if (job.remove("kubernetes_sd_configs") != null) {
                job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:9080"))));
            }
        }
        DumperOptions block = new DumperOptions();
        block.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path copy = Files.createDirectories(WORK.resolve("without-kubernetes-discovery"))
                .resolve(configuration.getFileName());
        Files.writeString(copy, new Yaml(block).dump(config));
        return copy;
    }

    private static boolean promtoolKnowsKubernetes() throws IOException {
        Path probe = Files.createDirectories(WORK).resolve("kubernetes-discovery-probe.yml");
        Files.writeString(probe, "scrape_configs:\n  - job_name: probe\n    kubernetes_sd_configs:\n"
                + "      - role: pod\n");
        Promtool.Run run = Promtool.promtool("check", "config", probe.toString());
        assertThat(run.exitCode() == 0 || run.output().contains("field kubernetes_sd_configs not found"))
                .as("promtool on a minimal Kubernetes discovery said:%n%s", run.output()).isTrue();
        return run.exitCode() == 0;
    }

    private static void assertSucceeds(Promtool.Run run) {
        assertThat(run.exitCode()).as("promtool said:%n%s", run.output()).isZero();
    }
}
