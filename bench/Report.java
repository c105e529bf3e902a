import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the measurements of one bench/run (one line each, {@code key=value ...}) into a table of figures and of
 * ratios to the baselines measured in the same run, printed and written as {@code PREFIX.md} and {@code PREFIX.json}:
 *
 * <pre>java bench/Report.java RESULTS_FILE OUTPUT_PREFIX MODE</pre>
 *
 * Absolute numbers on a shared machine are noise; the ratios, and how they move from one change to the next, are
 * the figures to read.
 */
public class Report {

    /** A scenario's baseline and the ratio to it the Performance issue asks for. */
    record Target(String baseline, double ratio) {
    }

    static final Map<String, Target> TARGETS = Map.of(
            "health", new Target("floor", 0.7),
            "get-order", new Target("health", 0.5),
            "list-page", new Target("health", 0.6),
            "create-order", new Target("pg-create-order", 0.5),
            "drain", new Target("pg-create-order", 0.3),
            "drain-roles", new Target("pg-create-order", 0.3));

    static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("floor", "(a0) minimal JAX-RS GET, same runtime"),
            Map.entry("health", "(a) GET /health/live"),
            Map.entry("get-order", "(b) GET /api/orders/{id}"),
            Map.entry("list-page", "(c) GET /api/orders list page"),
            Map.entry("create-order", "(d) POST /api/orders, 3 lines"),
            Map.entry("drain", "(e) pipeline drain, placed to COMPLETED (APP_ROLE=all)"),
            Map.entry("drain-roles", "(e) pipeline drain, an API and a worker replica"),
            Map.entry("pg-create-order", "(i) pgbench: the rows of one order creation"),
            Map.entry("pg-get-order", "(ii) pgbench: the SELECTs behind (b)"),
            Map.entry("redis-push", "redis-benchmark: LPUSH a job id"),
            Map.entry("redis-move", "redis-benchmark: LMOVE queue to claimed"));

    record Row(Map<String, String> values) {

        String get(String key) {
            return values.getOrDefault(key, "");
        }

        long number(String key) {
            return Long.parseLong(values.getOrDefault(key, "0"));
        }

        double perSecond() {
            return number("requests") / (number("duration_us") / 1e6);
        }

        long errors() {
            return number("errors") + number("non2xx");
        }
    }

    public static void main(String[] args) throws IOException {
        List<Row> rows = Files.readAllLines(Path.of(args[0])).stream()
                .filter(line -> !line.isBlank())
                .map(Report::parse)
                .toList();
        String prefix = args[1];
        String mode = args[2];
        List<Row> loads = rows.stream().filter(row -> !row.get("scenario").startsWith("start-")).toList();
        List<String> table = new ArrayList<>();
        table.add("| scenario | connections | req/s | p50 ms | p99 ms | errors | peak RSS MiB | ratio | target |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        List<String> json = new ArrayList<>();
        for (Row row : loads) {
            String scenario = row.get("scenario");
            Optional<Double> ratio = ratio(row, loads);
            Target target = TARGETS.get(scenario);
            String rss = row.get("rss_mib").isEmpty() ? "-" : row.get("rss_mib");
            table.add(String.format(Locale.ROOT, "| %s | %s | %.0f | %.1f | %.1f | %d | %s | %s | %s |",
                    TITLES.getOrDefault(scenario, scenario), row.get("connections"), row.perSecond(),
                    row.number("p50_us") / 1000.0, row.number("p99_us") / 1000.0, row.errors(), rss,
                    ratio.map(value -> String.format(Locale.ROOT, "%.2f", value)).orElse("-"),
                    target == null ? "-" : "≥ " + target.ratio() + " × " + target.baseline()));
            json.add(String.format(Locale.ROOT, "{\"scenario\":\"%s\",\"connections\":%s,\"requests_per_second\":%.1f,"
                            + "\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f,\"errors\":%d,\"peak_rss_mib\":%s,"
                            + "\"ratio_to_baseline\":%s}",
                    scenario, row.get("connections"), row.perSecond(), row.number("p50_us") / 1000.0,
                    row.number("p99_us") / 1000.0, row.number("max_us") / 1000.0, row.errors(),
                    row.get("rss_mib").isEmpty() ? "null" : row.get("rss_mib"),
                    ratio.map(value -> String.format(Locale.ROOT, "%.3f", value)).orElse("null")));
        }
        String cold = secondsToReady(rows, "start-cold");
        String warm = secondsToReady(rows, "start-warm");
        String header = "Benchmark (" + mode + " run), " + Runtime.getRuntime().availableProcessors()
                + " cores; the platform's process start to ready: " + cold + " s cold, " + warm + " s warm";
        System.out.println();
        System.out.println(header);
        table.forEach(System.out::println);
        Files.writeString(Path.of(prefix + ".md"), "# " + header + "\n\n" + String.join("\n", table) + "\n");
        Files.writeString(Path.of(prefix + ".json"), "{\"mode\":\"" + mode + "\",\"cores\":"
                + Runtime.getRuntime().availableProcessors() + ",\"seconds_to_ready\":{\"cold\":" + cold + ",\"warm\":"
                + warm + "},\"results\":[\n"
                + json.stream().collect(Collectors.joining(",\n")) + "\n]}\n");
        List<String> charts = new ArrayList<>();
        for (String scenario : loads.stream().map(row -> row.get("scenario")).distinct().toList()) {
            Path chart = Path.of(prefix + "-" + scenario + ".svg");
            Files.writeString(chart, chart(scenario, loads));
            charts.add(chart.getFileName().toString());
        }
        System.out.println("\nwritten: " + prefix + ".md, " + prefix + ".json and a chart per scenario: "
                + String.join(", ", charts));
        long errors = loads.stream().mapToLong(Row::errors).sum();
        if (errors > 0) {
            System.out.println("\n" + errors + " requests failed (see the errors column): with errors, a scenario "
                    + "measures failures, not speed");
            System.exit(1);
        }
    }

    /**
     * A bar chart of one scenario's throughput at each concurrency, beside its baseline's (grey) when it has one,
     * with the ratio and the target.
     */
    static String chart(String scenario, List<Row> rows) {
        Target target = TARGETS.get(scenario);
        List<Row> own = rows.stream().filter(row -> row.get("scenario").equals(scenario)).toList();
        List<Row> bars = new ArrayList<>();
        for (Row row : own) {
            bars.add(row);
            if (target != null) {
                rows.stream().filter(other -> other.get("scenario").equals(target.baseline()))
                        .filter(other -> other.get("connections").equals(row.get("connections")))
                        .findFirst().ifPresent(bars::add);
            }
        }
        double max = bars.stream().mapToDouble(Row::perSecond).max().orElse(1);
        int height = 70 + bars.size() * 34;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"%d\" font-family=\"sans-serif\" "
                        + "font-size=\"13\">%n<rect width=\"720\" height=\"%d\" fill=\"white\"/>%n"
                        + "<text x=\"10\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                height, height, escape(TITLES.getOrDefault(scenario, scenario) + ": requests per second")));
        int y = 44;
        for (Row bar : bars) {
            boolean baseline = !bar.get("scenario").equals(scenario);
            double width = 420 * bar.perSecond() / max;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"10\" y=\"%d\">%s, %s conn.</text>%n"
                            + "<rect x=\"200\" y=\"%d\" width=\"%.1f\" height=\"22\" fill=\"%s\"/>%n"
                            + "<text x=\"%.1f\" y=\"%d\">%.0f</text>%n",
                    y + 16, escape(bar.get("scenario")), bar.get("connections"),
                    y, width, baseline ? "#9e9e9e" : "#1f77b4", 206 + width, y + 16, bar.perSecond()));
            y += 34;
        }
        if (target != null) {
            String ratios = own.stream().map(row -> ratio(row, rows)
                            .map(value -> String.format(Locale.ROOT, "%.2f at %s", value, row.get("connections")))
                            .orElse("-"))
                    .reduce((left, right) -> left + ", " + right).orElse("-");
            svg.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\">ratio to %s: %s (target %s)</text>%n",
                    y + 14, escape(target.baseline()), ratios, target.ratio()));
        }
        return svg.append("</svg>\n").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String secondsToReady(List<Row> rows, String scenario) {
        return rows.stream().filter(row -> row.get("scenario").equals(scenario))
                .map(row -> row.get("seconds_to_ready")).findFirst().orElse("null");
    }

    /** Throughput over the baseline's at the same concurrency, when the scenario has one and it was measured. */
    static Optional<Double> ratio(Row row, List<Row> rows) {
        Target target = TARGETS.get(row.get("scenario"));
        if (target == null) {
            return Optional.empty();
        }
        return rows.stream()
                .filter(other -> other.get("scenario").equals(target.baseline()))
                .filter(other -> other.get("connections").equals(row.get("connections")))
                .findFirst()
                .map(baseline -> row.perSecond() / baseline.perSecond());
    }

    static Row parse(String line) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            values.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return new Row(values);
    }
}
