package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orderplatform.kubernetes.NetworkPolicies.Address;
import org.orderplatform.kubernetes.NetworkPolicies.Endpoint;
import org.orderplatform.kubernetes.NetworkPolicies.Pod;
import org.orderplatform.kubernetes.NetworkPolicies.PodPort;

/**
 * Every connection the NetworkPolicies of a variant let through, computed pair by pair ({@link NetworkPolicies})
 * over the pods the variant renders (one per workload; a pod to a pod of its own workload stands for one replica to
 * another) and the actors around them (see {@link #outside}): the ingress controller, Prometheus and Grafana beside
 * it, the cluster DNS, KEDA's operator, unrelated pods and look-alikes wearing the trusted pods' labels in another
 * namespace and in the application's own, the network of the external stores and an address on the internet. Every
 * pair with at least one end in the application's namespace is tried on each port the destination declares
 * (addresses outside the cluster: on every port that matters). Exactly the flows of the tables below must be
 * allowed - in both overlays, and with each store choice and every set of optional components.
 */
@Tag("assets")
class NetworkPolicyFlowsTest {

    // The intended flows: "source -> destination:port/protocol". store-network is an address of the external stores'
    // network, internet one elsewhere. Pods in the application's namespace that are not the application's (the
    // *-here strangers and look-alikes) fall under default-deny and allow-dns too: they get DNS and nothing else.

    private static final String EVERY_VARIANT = """
            ingress-nginx             -> frontend:8080/TCP
            ingress-nginx             -> backend:9080/TCP
            prometheus                -> backend:9080/TCP
            prometheus                -> worker:9080/TCP
            frontend                  -> kube-dns:53/UDP
            frontend                  -> kube-dns:53/TCP
            backend                   -> kube-dns:53/UDP
            backend                   -> kube-dns:53/TCP
            worker                    -> kube-dns:53/UDP
            worker                    -> kube-dns:53/TCP
            same-ns-pod               -> kube-dns:53/UDP
            same-ns-pod               -> kube-dns:53/TCP
            lookalike-here            -> kube-dns:53/UDP
            lookalike-here            -> kube-dns:53/TCP
            prometheus-lookalike-here -> kube-dns:53/UDP
            prometheus-lookalike-here -> kube-dns:53/TCP
            """;

    private static final String IN_CLUSTER_DATA = """
            backend                   -> postgres:5432/TCP
            backend                   -> redis:6379/TCP
            worker                    -> postgres:5432/TCP
            worker                    -> redis:6379/TCP
            keda-operator             -> redis:6379/TCP
            postgres                  -> kube-dns:53/UDP
            postgres                  -> kube-dns:53/TCP
            redis                     -> kube-dns:53/UDP
            redis                     -> kube-dns:53/TCP
            """;

    private static final String EXTERNAL_DATA = """
            backend                   -> store-network:5432/TCP
            backend                   -> store-network:6379/TCP
            worker                    -> store-network:5432/TCP
            worker                    -> store-network:6379/TCP
            """;

    /** An address of the stores' network: in components/external-data's example range 10.100.0.0/24. */
    static final String STORE_NETWORK = "10.100.0.10";
    /** An address on the internet (a documentation range, RFC 5737). */
    static final String INTERNET = "203.0.113.10";
    /**
     * The ports that matter (the application's containers', DNS) and the web's, tried on every address outside the
     * cluster together with every port a pod declares (the stores' ports, for one, are no pod's with external-data).
     */
    private static final List<PodPort> PORTS_THAT_MATTER = List.of(PodPort.tcp(null, 8080), PodPort.tcp(null, 9080),
            PodPort.tcp(null, 5432), PodPort.tcp(null, 6379), new PodPort(null, 53, "UDP"), PodPort.tcp(null, 53),
            PodPort.tcp(null, 80), PodPort.tcp(null, 443));
    /** Pod addresses: kind's pod network, outside the stores' range. */
    private static final String POD_NETWORK = "10.244.";

    static List<Variant> variants() {
        return Variants.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shouldAllowExactlyTheIntendedFlows(Variant variant) {
        Rendering rendering = variant.render();
        List<String> differences = differences(intended(variant),
                allowedFlows(rendering, rendering.all(NetworkPolicy.class).toList()));
        if (!differences.isEmpty()) {
            fail(variant + ": the NetworkPolicies allow other flows than the intended ones (the tables of "
                    + NetworkPolicyFlowsTest.class.getSimpleName() + ")\n  " + String.join("\n  ", differences));
        }
    }

    @Test
    void shouldReportFlowsOpenedOrClosedByMistake() {
        // the check itself can fail: dev with the frontend's rule open to every source and without allow-dns
        Rendering dev = Variants.dev().render();
        List<NetworkPolicy> broken = dev.all(NetworkPolicy.class)
                .filter(policy -> !policy.getMetadata().getName().equals("allow-dns"))
                .map(policy -> !policy.getMetadata().getName().equals("frontend") ? policy
                        : new NetworkPolicyBuilder(policy).editSpec().editFirstIngress().withFrom().endIngress()
                                .endSpec().build())
                .toList();

        assertThat(differences(intended(Variants.dev()), allowedFlows(dev, broken))).contains(
                "unexpectedly allowed: internet -> frontend:8080/TCP",
                "unexpectedly allowed: prometheus -> frontend:8080/TCP",
                "unexpectedly allowed: other-ns-pod -> frontend:8080/TCP",
                "unexpectedly denied:  backend -> kube-dns:53/UDP",
                "unexpectedly denied:  postgres -> kube-dns:53/TCP")
                .noneMatch(line -> line.contains("backend -> frontend")); // backend's own egress still denies it
    }

    /** The flows of the tables that apply to this variant. */
    static Set<String> intended(Variant variant) {
        String store = switch (variant.name()) {
            case "overlays/dev", "overlays/kind-keda" -> "in-cluster-data";
            case "overlays/prod" -> "external-data";
            default -> Stream.of(variant.name().split("\\+")).filter(Variants.STORES::contains).findFirst()
                    .orElseThrow(() -> new AssertionError(variant + ": which store choice?"));
        };
        return table(EVERY_VARIANT + (store.equals("in-cluster-data") ? IN_CLUSTER_DATA : EXTERNAL_DATA));
    }

    private static Set<String> table(String text) {
        Set<String> flows = new LinkedHashSet<>();
        text.lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.replaceAll("\\s+", " "))
                .forEach(flows::add);
        return flows;
    }

    static List<String> differences(Set<String> intended, Set<String> allowed) {
        List<String> lines = new ArrayList<>();
        allowed.stream().filter(flow -> !intended.contains(flow))
                .forEach(flow -> lines.add("unexpectedly allowed: " + flow));
        intended.stream().filter(flow -> !allowed.contains(flow))
                .forEach(flow -> lines.add("unexpectedly denied:  " + flow));
        return lines;
    }

    /** Every flow these policies let through between the rendered pods and the actors around them. */
    static Set<String> allowedFlows(Rendering rendering, List<NetworkPolicy> policies) {
        List<Namespace> namespaces = rendering.all(Namespace.class).toList();
        assertThat(namespaces).as("namespaces of %s", rendering.variant).hasSize(1);
        String namespace = namespaces.get(0).getMetadata().getName();
        Map<String, Map<String, String>> namespaceLabels = Map.of(namespace,
                namespaces.get(0).getMetadata().getLabels() == null ? Map.of()
                        : namespaces.get(0).getMetadata().getLabels());

        List<Endpoint> actors = new ArrayList<>();
        rendering.workloads().forEach(workload -> {
            String podNamespace = rendering.find(workload.kind(), workload.name()).orElseThrow()
                    .getMetadata().getNamespace();
            assertThat(podNamespace).as("namespace of %s", workload).isEqualTo(namespace);
            actors.add(new Pod(workload.name(), podNamespace, workload.podLabels(),
                    ports(workload.template().getSpec()), POD_NETWORK + "0." + (10 + actors.size())));
        });
        actors.addAll(outside(namespace));

        Set<PodPort> portsInPlay = new LinkedHashSet<>(PORTS_THAT_MATTER);
        actors.stream().filter(Pod.class::isInstance).flatMap(actor -> ((Pod) actor).ports().stream())
                .forEach(port -> portsInPlay.add(new PodPort(null, port.number(), port.protocol())));

        NetworkPolicies evaluator = new NetworkPolicies(policies, namespaceLabels);
        Set<String> allowed = new LinkedHashSet<>();
        for (Endpoint from : actors) {
            for (Endpoint to : actors) {
                if (!inNamespace(from, namespace) && !inNamespace(to, namespace)) {
                    continue; // not the application's business
                }
                Iterable<PodPort> ports = to instanceof Pod pod ? pod.ports() : portsInPlay;
                for (PodPort port : ports) {
                    if (evaluator.allows(from, to, port.number(), port.protocol())) {
                        allowed.add(from.name() + " -> " + to.name() + ":" + port.number() + "/" + port.protocol());
                    }
                }
            }
        }
        return allowed;
    }

    /**
     * The actors around the application, with the labels their usual installations give their pods. Besides the
     * strangers, look-alikes wear the labels of the trusted pods (the ingress controller's, KEDA's and the DNS', or
     * Prometheus'), in another namespace and in the application's, and Grafana shares Prometheus' namespace: a peer
     * that names only the pods or only the namespace of a trusted pod lets one of them through.
     */
    private static List<Endpoint> outside(String appNamespace) {
        Map<String, String> trustedLabels = Map.of("app.kubernetes.io/name", "ingress-nginx", "app", "keda-operator",
                "k8s-app", "kube-dns");
        List<PodPort> dns = List.of(new PodPort("dns", 53, "UDP"), PodPort.tcp("dns-tcp", 53));
        return List.of(
                new Pod("ingress-nginx", "ingress-nginx",
                        Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller"),
                        List.of(PodPort.tcp("http", 80), PodPort.tcp("https", 443)), POD_NETWORK + "1.10"),
                new Pod("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"),
                        List.of(PodPort.tcp("http-web", 9090)), POD_NETWORK + "1.11"),
                new Pod("grafana", "monitoring", Map.of("app.kubernetes.io/name", "grafana"),
                        List.of(PodPort.tcp("grafana", 3000)), POD_NETWORK + "1.12"),
                new Pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), dns, POD_NETWORK + "1.13"),
                new Pod("keda-operator", "keda", Map.of("app", "keda-operator"),
                        List.of(PodPort.tcp("metrics", 8080)), POD_NETWORK + "1.14"),
                new Pod("other-ns-pod", "other", Map.of("app", "other"),
                        List.of(PodPort.tcp("http", 8080)), POD_NETWORK + "1.15"),
                new Pod("same-ns-pod", appNamespace, Map.of("run", "debug"),
                        List.of(PodPort.tcp("http", 8080)), POD_NETWORK + "1.16"),
                new Pod("lookalike-elsewhere", "other", trustedLabels, dns, POD_NETWORK + "1.17"),
                new Pod("lookalike-here", appNamespace, trustedLabels, dns, POD_NETWORK + "1.18"),
                new Pod("prometheus-lookalike-elsewhere", "other", Map.of("app.kubernetes.io/name", "prometheus"),
                        List.of(PodPort.tcp("http-web", 9090)), POD_NETWORK + "1.19"),
                new Pod("prometheus-lookalike-here", appNamespace, Map.of("app.kubernetes.io/name", "prometheus"),
                        List.of(PodPort.tcp("http-web", 9090)), POD_NETWORK + "1.20"),
                new Address("store-network", STORE_NETWORK),
                new Address("internet", INTERNET));
    }

    private static boolean inNamespace(Endpoint endpoint, String namespace) {
        return endpoint instanceof Pod pod && pod.namespace().equals(namespace);
    }

    /** The ports the pod's containers (init containers too: a sidecar's) declare. */
    private static List<PodPort> ports(PodSpec spec) {
        Map<String, PodPort> ports = new LinkedHashMap<>();
        Stream.concat(spec.getContainers().stream(),
                        spec.getInitContainers() == null ? Stream.<Container>empty()
                                : spec.getInitContainers().stream())
                .flatMap(container -> container.getPorts() == null ? Stream.empty() : container.getPorts().stream())
                .forEach(port -> {
                    String protocol = port.getProtocol() == null ? "TCP" : port.getProtocol();
                    ports.put(port.getContainerPort() + "/" + protocol,
                            new PodPort(port.getName(), port.getContainerPort(), protocol));
                });
        return List.copyOf(ports.values());
    }
}
