package org.orderplatform.monitoring;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The files of {@code monitoring/} as the tests read them: the rules file's recording rules and alerts, and the
 * dashboard's queries. YAML is read with SnakeYAML, which Liquibase already brings onto the classpath (declaring it
 * here with test scope would drop it from the WAR).
 */
final class MonitoringAssets {

    static final Path ROOT = Path.of("monitoring");
    static final Path PROMETHEUS_CONFIG = ROOT.resolve("prometheus/prometheus.yml");
    /** The scrape configuration for Kubernetes without the Prometheus Operator (pods found through the API). */
    static final Path KUBERNETES_PROMETHEUS_CONFIG = ROOT.resolve("prometheus/kubernetes.yml");
    static final Path RULES = ROOT.resolve("prometheus/rules/order-platform.yml");
    static final Path RULE_TESTS = ROOT.resolve("prometheus/tests");
    static final Path DASHBOARD = ROOT.resolve("grafana/dashboards/order-platform.json");
    static final Path OPERATIONS = Path.of("docs/operations.md");

    /**
     * The rules file's convention: an alert's expression is {@code <signal> <comparison> <number>} at its top level.
     * Greedy, so the comparison is the last one; {@link #signalOf} checks that it is outside all parentheses.
     */
    private static final Pattern ALERT_EXPRESSION =
            Pattern.compile("(?s)^(.*\\S)\\s*(==|!=|>=|<=|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*$");

    private MonitoringAssets() {
    }

    /** A rule of the rules file: a recording rule ({@code record} set) or an alert ({@code alert} set). */
    record Rule(String group, String record, String alert, String expr, Map<String, Object> labels,
                Map<String, Object> annotations) {

        String name() {
            return alert != null ? alert : record;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Rule> rules() {
        Map<String, Object> file = yaml(RULES);
        List<Rule> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                rules.add(new Rule((String) group.get("name"), (String) rule.get("record"), (String) rule.get("alert"),
                        ((String) rule.get("expr")).strip(),
                        (Map<String, Object>) rule.getOrDefault("labels", Map.of()),
                        (Map<String, Object>) rule.getOrDefault("annotations", Map.of())));
            }
        }
        return rules;
    }

    static List<Rule> alerts() {
        return rules().stream().filter(rule -> rule.alert() != null).toList();
    }

    /**
     * The signal of an alert: its expression without the final {@code <comparison> <number>}; an assertion error
     * naming the alert when the expression does not follow the convention.
     */
    static String signalOf(Rule alert) {
        Matcher matcher = ALERT_EXPRESSION.matcher(alert.expr());
        if (!matcher.matches() || !balanced(matcher.group(1))) {
            throw new AssertionError("alert " + alert.alert() + ": expr is not '<signal> <comparison> <number>' at "
                    + "its top level (see the header of " + RULES + "): " + alert.expr());
        }
        return matcher.group(1).strip();
    }

    /** Parentheses that all close, and never more closed than opened: nothing after it is inside them. */
    private static boolean balanced(String expression) {
        int depth = 0;
        for (char c : expression.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** Every query to evaluate: name → PromQL - the recording rules, and the signal of each alert. */
    static Map<String, String> ruleQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (Rule rule : rules()) {
            queries.put(rule.record() != null ? "recording rule " + rule.record() : "signal of alert " + rule.alert(),
                    rule.record() != null ? rule.expr() : signalOf(rule));
        }
        return queries;
    }

    /**
     * Every {@code expr} of the dashboard's panels (rows' panels too), by "panel title / refId", with Grafana's
     * interval variables replaced by {@code 1m} so that Prometheus itself can run them.
     */
    static Map<String, String> dashboardQueries() {
        Map<String, String> queries = new LinkedHashMap<>();
        collectQueries(dashboard().getJsonArray("panels"), queries);
        return queries;
    }

    private static void collectQueries(List<JsonValue> panels, Map<String, String> queries) {
        for (JsonValue value : panels) {
            JsonObject panel = value.asJsonObject();
            for (JsonValue target : panel.getJsonArray("targets") == null ? List.<JsonValue>of()
                    : panel.getJsonArray("targets")) {
                String expr = target.asJsonObject().getString("expr", null);
                if (expr != null) {
                    queries.put(panel.getString("title") + " / " + target.asJsonObject().getString("refId"),
                            withoutGrafanaVariables(expr));
                }
            }
            if (panel.containsKey("panels")) {
                collectQueries(panel.getJsonArray("panels"), queries);
            }
        }
    }

    static String withoutGrafanaVariables(String expr) {
        return expr.replaceAll("\\$(__rate_interval|__interval|__range)\\b|\\$\\{(__rate_interval|__interval|__range)}",
                "1m");
    }

    static JsonObject dashboard() {
        try (Reader file = Files.newBufferedReader(DASHBOARD); JsonReader reader = Json.createReader(file)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
