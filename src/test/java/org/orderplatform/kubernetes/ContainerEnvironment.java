package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The environment Kubernetes gives a container: each {@code envFrom} source in order (a later one wins, its prefix
 * in front of its keys), then {@code env}, which wins over all of them. ConfigMaps come from the rendering; Secrets,
 * which are created by hand, from {@code secretData} (a Secret's data by name, null when there is none).
 *
 * @param variables every variable; one set from a {@code valueFrom} reference reads {@value #REFERENCE}
 * @param missingSources the envFrom sources that do not exist, as "ConfigMap name" or "Secret name"
 */
record ContainerEnvironment(Map<String, String> variables, List<String> missingSources) {

    static final String REFERENCE = "<reference>";

    static ContainerEnvironment of(Container container, Rendering rendering,
            Function<String, Map<String, String>> secretData) {
        return of(container.getEnv(), container.getEnvFrom(), rendering, secretData);
    }

    static ContainerEnvironment of(List<EnvVar> env, List<EnvFromSource> envFrom, Rendering rendering,
            Function<String, Map<String, String>> secretData) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (EnvFromSource source : Optional.ofNullable(envFrom).orElse(List.of())) {
            String prefix = Optional.ofNullable(source.getPrefix()).orElse("");
            Map<String, String> data = null;
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                data = rendering.configMap(name).map(ConfigMap::getData).orElse(null);
                if (data == null) {
                    missing.add("ConfigMap " + name);
                }
            } else if (source.getSecretRef() != null) {
                data = secretData.apply(source.getSecretRef().getName());
                if (data == null) {
                    missing.add("Secret " + source.getSecretRef().getName());
                }
            }
            Optional.ofNullable(data).orElse(Map.of()).forEach((key, value) -> variables.put(prefix + key, value));
        }
        for (EnvVar variable : Optional.ofNullable(env).orElse(List.of())) {
            variables.put(variable.getName(), variable.getValueFrom() != null ? REFERENCE
                    : Optional.ofNullable(variable.getValue()).orElse(""));
        }
        return new ContainerEnvironment(variables, missing);
    }
}
