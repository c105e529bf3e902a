package org.orderplatform.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.orderplatform.monitoring.MonitoringAssets.Rule;

/**
 * The Prometheus files of {@code monitoring/} pass Prometheus' own checks ({@code promtool check config},
 * {@code check rules}, {@code test rules}), and the rule unit tests would notice an alert whose threshold changed.
 * Needs Debian's {@code prometheus} package (skipped otherwise).
 */
class PrometheusRulesIT {

    private static final Path WORK = Path.of("target/prometheus-rules");

    @Test
    void shouldAcceptTheComposeConfiguration() {
        assertSucceeds(Promtool.promtool("check", "config", MonitoringAssets.PROMETHEUS_CONFIG.toString()));
    }

    @Test
    void shouldAcceptTheConfigurationWithTheRulesItLoads() throws IOException {
        // the same file with its rule_files pointing into this repository instead of the container's mount point:
        // check config then checks the rules as Prometheus loads them
        String config = MonitoringAssets.read(MonitoringAssets.PROMETHEUS_CONFIG);
        assertThat(config).contains("/etc/prometheus/rules/*.yml");
        Path copy = Files.createDirectories(WORK).resolve("prometheus.yml");
        Files.writeString(copy, config.replace("/etc/prometheus/rules/*.yml",
                MonitoringAssets.RULES.toAbsolutePath().getParent() + "/*.yml"));

        Promtool.Run run = Promtool.promtool("check", "config", copy.toString());

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
            Promtool.Run run = Promtool.promtool(testRules(tests.stream().map(Path::of).toList()).toArray(String[]::new));
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

    private static void assertSucceeds(Promtool.Run run) {
        assertThat(run.exitCode()).as("promtool said:%n%s", run.output()).isZero();
    }
}
