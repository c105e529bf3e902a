import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the Prometheus Operator's PrometheusRule of the Kubernetes monitoring component from the rule file docker
 * compose's Prometheus loads, so that both run the same alerts. Run it after changing the rules (the tests fail
 * while the two differ):
 *
 * <pre>java scripts/PrometheusRuleResource.java</pre>
 *
 * The rule file's groups become the resource's spec unchanged (indented, comments kept).
 */
public class PrometheusRuleResource {

    static final Path RULES = Path.of("monitoring/prometheus/rules/order-platform.yml");
    static final Path RESOURCE = Path.of("kubernetes/components/monitoring/prometheus-rule.yaml");

    public static void main(String[] args) throws IOException {
        Files.writeString(RESOURCE, render(Files.readAllLines(RULES)));
        System.out.println("wrote " + RESOURCE);
    }

    static String render(List<String> rules) {
        int groups = rules.indexOf("groups:");
        if (groups < 0) {
            throw new IllegalArgumentException(RULES + " has no top-level groups:");
        }
        String header = """
                # GENERATED from %s by `java scripts/PrometheusRuleResource.java`:
                # edit that file, then run the script. The same recording rules and alerts as docker compose's
                # Prometheus (the tests keep the two equal).
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata:
                  name: order-platform
                  labels:
                    # the label kube-prometheus-stack's Prometheus selects rules by (its Helm release name)
                    release: kube-prometheus-stack
                spec:
                """.formatted(RULES);
        return header + rules.subList(groups, rules.size()).stream()
                .map(line -> line.isEmpty() ? line : "  " + line)
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
