package org.orderplatform.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prometheus' target relabelling ({@code relabel_configs}), as far as the monitoring files use it: the actions
 * {@code replace} (the default), {@code keep} and {@code drop}, with Prometheus' defaults (separator {@code ;}, regex
 * {@code (.*)} anchored at both ends, replacement {@code $1}; a replacement that comes out empty removes the label).
 * Then what Prometheus does after relabelling: {@code instance} defaults to {@code __address__}, and labels starting
 * with {@code __} are dropped. Any other action fails, so that a configuration using one is not checked half-way.
 */
final class Relabelling {

    private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\{?(\\d+)}?");

    private Relabelling() {
    }

    /** The target's labels after {@code configs}, or empty when a keep or drop step removed the target. */
    static Optional<Map<String, String>> apply(List<Map<String, Object>> configs, Map<String, String> discovered) {
        Map<String, String> labels = new LinkedHashMap<>(discovered);
        for (Map<String, Object> config : configs) {
            String action = (String) config.getOrDefault("action", "replace");
            @SuppressWarnings("unchecked")
            List<String> sources = (List<String>) config.getOrDefault("source_labels", List.of());
            String value = sources.stream().map(source -> labels.getOrDefault(source, ""))
                    .collect(Collectors.joining((String) config.getOrDefault("separator", ";")));
            Matcher matcher = Pattern.compile("^(?:" + config.getOrDefault("regex", "(.*)") + ")$").matcher(value);
            switch (action) {
                case "keep" -> {
                    if (!matcher.matches()) {
                        return Optional.empty();
                    }
                }
                case "drop" -> {
                    if (matcher.matches()) {
                        return Optional.empty();
                    }
                }
                case "replace" -> {
                    if (matcher.matches()) {
                        String target = (String) config.get("target_label");
                        String replaced = expand(String.valueOf(config.getOrDefault("replacement", "$1")), matcher);
                        if (replaced.isEmpty()) {
                            labels.remove(target);
                        } else {
                            labels.put(target, replaced);
                        }
                    }
                }
                default -> throw new AssertionError("relabel action " + action + " is not simulated: " + config);
            }
        }
        labels.putIfAbsent("instance", labels.get("__address__"));
        labels.keySet().removeIf(name -> name.startsWith("__"));
        return Optional.of(labels);
    }

    /** {@code $1} and {@code ${1}} replaced by the matched groups (a group that does not exist by nothing). */
    private static String expand(String replacement, Matcher matcher) {
        Matcher reference = GROUP_REFERENCE.matcher(replacement);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            int group = Integer.parseInt(reference.group(1));
            String text = group <= matcher.groupCount() && matcher.group(group) != null ? matcher.group(group) : "";
            reference.appendReplacement(expanded, Matcher.quoteReplacement(text));
        }
        reference.appendTail(expanded);
        return expanded.toString();
    }

    /**
     * The name Kubernetes service discovery gives a pod label's meta label: {@code __meta_kubernetes_pod_label_} and
     * the label name with every character outside {@code [a-zA-Z0-9_]} replaced by an underscore.
     */
    static String podLabel(String name) {
        return "__meta_kubernetes_pod_label_" + name.replaceAll("[^a-zA-Z0-9_]", "_");
    }
}
