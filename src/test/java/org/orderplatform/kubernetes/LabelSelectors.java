package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Label selectors as the API server evaluates them (matchLabels and matchExpressions, all of them must hold). */
final class LabelSelectors {

    private LabelSelectors() {
    }

    /** Whether the selector selects these labels. An empty selector selects everything; a missing one nothing. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        for (Map.Entry<String, String> entry : Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of())
                .entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (LabelSelectorRequirement requirement : Optional.ofNullable(selector.getMatchExpressions())
                .orElse(List.of())) {
            String value = labels.get(requirement.getKey());
            List<String> values = Optional.ofNullable(requirement.getValues()).orElse(List.of());
            boolean matches = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> labels.containsKey(requirement.getKey());
                case "DoesNotExist" -> !labels.containsKey(requirement.getKey());
                default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** Whether the selector is empty ({@code {}}), which selects everything. */
    static boolean isEmpty(LabelSelector selector) {
        return selector != null && Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).isEmpty()
                && Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).isEmpty();
    }
}
