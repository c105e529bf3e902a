package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object of every variant (both overlays, every component combination) as the API server would check it:
 * strictly against the Kubernetes API's schema - unknown fields and wrong types fail. Custom resources the model
 * ships (the Prometheus Operator's PodMonitor and PrometheusRule) are checked the same way; those it does not (KEDA,
 * the Open Liberty Operator) by {@link CustomResourceShapes}.
 */
@Tag("assets")
class KubernetesSchemaTest {

    /** Kinds no model library here ships; checked by CustomResourceShapes instead. */
    private static final Set<String> SHAPE_CHECKED = Set.of("ScaledObject", "OpenLibertyApplication");

    static List<Variant> variants() {
        return Variants.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldRenderOnlyObjectsTheApiServerAccepts(Variant variant) {
        Rendering rendering = variant.render();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rendering.objects.size(); i++) {
            HasMetadata object = rendering.objects.get(i);
            String id = object.getKind() + "/" + object.getMetadata().getName();
            if (object instanceof GenericKubernetesResource) {
                if (!SHAPE_CHECKED.contains(object.getKind())) {
                    problems.add(id + ": " + object.getApiVersion() + " is no kind the Kubernetes model knows");
                }
                continue;
            }
            StrictModel.problems(rendering.documents.get(i), object)
                    .forEach(problem -> problems.add(id + problem));
        }
        assertThat(problems).as("objects of %s the API server would refuse", variant).isEmpty();
        // a complete installation, not a rendering cut short; the smallest variant (external stores, the Open Liberty
        // Operator's one object in place of the API's Deployment, Service and autoscaler) renders 19
        assertThat(rendering.objects).as("objects of %s", variant).hasSizeGreaterThan(15);
    }

    @Test
    void shouldRefuseAMisspeltFieldAndAWrongType() {
        // the check itself can fail: a typo and a string port in an otherwise valid Deployment
        Rendering rendering = Variants.dev().render();
        int index = rendering.objects.indexOf(rendering.find("Deployment", "backend").orElseThrow());
        String yaml = Rendering.SERIALIZATION.asYaml(rendering.documents.get(index))
                .replace("readinessProbe:", "readinesProbe:")
                .replace("containerPort: 9080", "containerPort: \"9080\"");
        Map<String, Object> broken = Rendering.parse(yaml).get(0);
        HasMetadata typed = (HasMetadata) Rendering.SERIALIZATION.convertValue(broken, HasMetadata.class);

        assertThat(StrictModel.problems(broken, typed))
                .anyMatch(problem -> problem.contains("unknown field(s) [readinesProbe]"))
                .anyMatch(problem -> problem.contains("containerPort: written String 9080"));
    }
}
