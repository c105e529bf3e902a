package org.orderplatform.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orderplatform.kubernetes.NetworkPolicies.Address;
import org.orderplatform.kubernetes.NetworkPolicies.Pod;
import org.orderplatform.kubernetes.NetworkPolicies.PodPort;

/**
 * {@link NetworkPolicies} on small hand-written policies: each rule of the API's semantics, and the cases that must be
 * denied, so that the flow check of {@link NetworkPolicyFlowsTest} rests on an evaluator that can say no.
 */
@Tag("assets")
class NetworkPolicySemanticsTest {

    private static final Map<String, Map<String, String>> NAMESPACES = Map.of(
            "shop", Map.of("env", "prod", "team", "shop"),
            "monitoring", Map.of("env", "prod"),
            "tools", Map.of("env", "dev"),
            "other", Map.of());

    private static final Pod WEB = pod("web", "shop", Map.of("app", "web", "tier", "front"), PodPort.tcp("http", 8080));
    private static final Pod API = pod("api", "shop", Map.of("app", "api"), PodPort.tcp("http", 9080),
            PodPort.tcp("admin", 9090), new PodPort("stats", 9125, "UDP"));
    private static final Pod DB = pod("db", "shop", Map.of("app", "db"), PodPort.tcp("pg", 5432));
    private static final Pod PROMETHEUS = pod("prometheus", "monitoring", Map.of("app", "prometheus"));
    private static final Pod GRAFANA = pod("grafana", "monitoring", Map.of("app", "grafana"));
    private static final Pod PROMETHEUS_IN_SHOP = pod("prometheus", "shop", Map.of("app", "prometheus"));
    private static final Pod PROMETHEUS_ELSEWHERE = pod("prometheus", "other", Map.of("app", "prometheus"));
    private static final Pod TOOLBOX = pod("toolbox", "tools", Map.of("app", "toolbox"));
    private static final Address INTERNET = new Address("internet", "203.0.113.10");

    @Test
    void shouldAllowEverythingWithoutPolicies() {
        NetworkPolicies none = policies("");
        assertThat(none.allows(WEB, API, 9080, "TCP")).isTrue();
        assertThat(none.allows(INTERNET, DB, 5432, "TCP")).isTrue();
        assertThat(none.allows(DB, INTERNET, 443, "TCP")).isTrue();
    }

    @Test
    void shouldDenyIngressToAnIsolatedPodButLeaveItsEgressAndOtherNamespacesAlone() {
        NetworkPolicies denyIngress = policies("""
                metadata: {name: deny, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress]
                """);
        assertThat(denyIngress.allows(WEB, API, 9080, "TCP")).isFalse();
        assertThat(denyIngress.allows(PROMETHEUS, API, 9080, "TCP")).isFalse();
        assertThat(denyIngress.allows(API, INTERNET, 443, "TCP")).isTrue();
        assertThat(denyIngress.allows(API, PROMETHEUS, 9090, "TCP")).isTrue();
        assertThat(denyIngress.allows(GRAFANA, PROMETHEUS, 9090, "TCP")).isTrue();
    }

    @Test
    void shouldNeedBothTheSourcesEgressAndTheDestinationsIngress() {
        String apiToDbOnly = """
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                    - to: [{podSelector: {matchLabels: {app: db}}}]
                """;
        String dbFromWebOnly = """
                metadata: {name: db, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: web}}}]
                """;
        String dbFromApiToo = """
                metadata: {name: db-api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: api}}}]
                """;
        assertThat(policies(apiToDbOnly).allows(API, DB, 5432, "TCP")).isTrue();
        assertThat(policies(apiToDbOnly).allows(API, WEB, 8080, "TCP")).as("egress-isolated api to web").isFalse();
        NetworkPolicies both = policies(apiToDbOnly + "---\n" + dbFromWebOnly);
        assertThat(both.allows(API, DB, 5432, "TCP")).as("api's egress allows it, db's ingress does not").isFalse();
        assertThat(both.allows(WEB, DB, 5432, "TCP")).isTrue();
        assertThat(both.allows(WEB, API, 9080, "TCP")).as("api is not isolated for ingress").isTrue();
        // policies add up: a second one selecting db lets api in as well
        assertThat(policies(apiToDbOnly + "---\n" + dbFromWebOnly + "---\n" + dbFromApiToo)
                .allows(API, DB, 5432, "TCP")).isTrue();
    }

    @Test
    void shouldDefaultThePolicyTypesAsTheApiServerDoes() {
        // egress rules and no policyTypes: Ingress and Egress - so nothing at all may come in
        NetworkPolicies egressRules = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  egress:
                    - to: [{podSelector: {matchLabels: {app: db}}}]
                """);
        assertThat(egressRules.allows(WEB, API, 9080, "TCP")).isFalse();
        assertThat(egressRules.allows(API, DB, 5432, "TCP")).isTrue();
        assertThat(egressRules.allows(API, INTERNET, 443, "TCP")).isFalse();

        // ingress rules only: Ingress alone, the egress stays open
        NetworkPolicies ingressRules = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                    - from: [{podSelector: {matchLabels: {app: web}}}]
                """);
        assertThat(ingressRules.allows(WEB, API, 9080, "TCP")).isTrue();
        assertThat(ingressRules.allows(DB, API, 9080, "TCP")).isFalse();
        assertThat(ingressRules.allows(API, INTERNET, 443, "TCP")).isTrue();
        assertThat(NetworkPolicies.policyTypes(parse("metadata: {name: x, namespace: shop}\nspec: {podSelector: {}}")
                .get(0))).containsExactly("Ingress");
    }

    @Test
    void shouldAndANamespaceAndAPodSelectorInOnePeerButOrThemInTwo() {
        NetworkPolicies onePeer = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                          podSelector: {matchLabels: {app: prometheus}}
                """);
        assertThat(onePeer.allows(PROMETHEUS, API, 9080, "TCP")).isTrue();
        assertThat(onePeer.allows(GRAFANA, API, 9080, "TCP")).as("another pod of monitoring").isFalse();
        assertThat(onePeer.allows(PROMETHEUS_IN_SHOP, API, 9080, "TCP")).as("a prometheus in shop").isFalse();
        assertThat(onePeer.allows(PROMETHEUS_ELSEWHERE, API, 9080, "TCP")).as("a prometheus in other").isFalse();

        NetworkPolicies twoPeers = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                        - podSelector: {matchLabels: {app: prometheus}}
                """);
        assertThat(twoPeers.allows(PROMETHEUS, API, 9080, "TCP")).isTrue();
        assertThat(twoPeers.allows(GRAFANA, API, 9080, "TCP")).as("every pod of monitoring").isTrue();
        assertThat(twoPeers.allows(PROMETHEUS_IN_SHOP, API, 9080, "TCP")).as("a prometheus in shop").isTrue();
        assertThat(twoPeers.allows(PROMETHEUS_ELSEWHERE, API, 9080, "TCP"))
                .as("a podSelector alone means the policy's own namespace").isFalse();
        assertThat(twoPeers.allows(INTERNET, API, 9080, "TCP")).as("selectors never match an address").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{matchLabels: {env: prod}}                                                    | shop monitoring",
        "{matchExpressions: [{key: env, operator: In, values: [prod, dev]}]}           | shop monitoring tools",
        "{matchExpressions: [{key: env, operator: NotIn, values: [prod]}]}             | tools other",
        "{matchExpressions: [{key: env, operator: Exists}]}                            | shop monitoring tools",
        "{matchExpressions: [{key: env, operator: DoesNotExist}]}                      | other",
        "{matchExpressions: [{key: kubernetes.io/metadata.name, operator: In, values: [other]}]} | other",
        "{matchLabels: {env: prod}, matchExpressions: [{key: team, operator: Exists}]} | shop",
        "{}                                                                            | shop monitoring tools other",
    })
    void shouldSelectNamespacesByTheirLabels(String namespaceSelector, String expected) {
        NetworkPolicies policy = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                    - from: [{namespaceSelector: %s}]
                """.formatted(namespaceSelector));
        List<String> admitted = Stream.of(WEB, PROMETHEUS, TOOLBOX, PROMETHEUS_ELSEWHERE)
                .filter(source -> policy.allows(source, API, 9080, "TCP"))
                .map(Pod::namespace)
                .toList();
        assertThat(admitted).containsExactly(expected.split(" "));
    }

    @Test
    void shouldSelectPodsByMatchLabelsAndMatchExpressionsTogether() {
        NetworkPolicies policy = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                    - from:
                        - podSelector:
                            matchLabels: {tier: front}
                            matchExpressions: [{key: app, operator: NotIn, values: [db]}]
                """);
        assertThat(policy.allows(WEB, API, 9080, "TCP")).isTrue();
        assertThat(policy.allows(DB, API, 9080, "TCP")).isFalse();
        assertThat(policy.allows(pod("db-front", "shop", Map.of("app", "db", "tier", "front")), API, 9080, "TCP"))
                .isFalse();
    }

    @Test
    void shouldMatchAddressesByIpBlockWithItsExceptions() {
        NetworkPolicies policy = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Ingress, Egress]
                  egress:
                    - to: [{ipBlock: {cidr: 10.100.0.0/16, except: [10.100.5.0/24]}}]
                  ingress:
                    - from: [{ipBlock: {cidr: 203.0.113.0/24}}]
                """);
        assertThat(policy.allows(API, new Address("store", "10.100.1.1"), 5432, "TCP")).isTrue();
        assertThat(policy.allows(API, new Address("store", "10.100.255.255"), 5432, "TCP")).isTrue();
        assertThat(policy.allows(API, new Address("excepted", "10.100.5.7"), 5432, "TCP")).isFalse();
        assertThat(policy.allows(API, new Address("next door", "10.101.0.1"), 5432, "TCP")).isFalse();
        assertThat(policy.allows(API, new Address("v6", "2001:db8::1"), 5432, "TCP")).isFalse();
        assertThat(policy.allows(API, INTERNET, 443, "TCP")).isFalse();
        assertThat(policy.allows(INTERNET, API, 9080, "TCP")).isTrue();
        assertThat(policy.allows(new Address("elsewhere", "198.51.100.1"), API, 9080, "TCP")).isFalse();
        assertThat(policy.allows(WEB, API, 9080, "TCP")).as("a pod (no address in the block)").isFalse();
    }

    @Test
    void shouldMatchPortsByNumberRangeNameAndProtocol() {
        NetworkPolicies policy = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                    - ports:
                        - port: http
                        - port: 32000
                          endPort: 32768
                        - port: 53
                        - protocol: UDP
                          port: stats
                """);
        assertThat(policy.allows(WEB, API, 9080, "TCP")).as("the named port http").isTrue();
        assertThat(policy.allows(WEB, API, 9080, "UDP")).as("http is a TCP port").isFalse();
        assertThat(policy.allows(WEB, API, 9090, "TCP")).as("the admin port").isFalse();
        assertThat(policy.allows(WEB, API, 32000, "TCP")).isTrue();
        assertThat(policy.allows(WEB, API, 32768, "TCP")).isTrue();
        assertThat(policy.allows(WEB, API, 31999, "TCP")).isFalse();
        assertThat(policy.allows(WEB, API, 32769, "TCP")).isFalse();
        assertThat(policy.allows(WEB, API, 53, "TCP")).isTrue();
        assertThat(policy.allows(WEB, API, 53, "UDP")).as("the protocol defaults to TCP").isFalse();
        assertThat(policy.allows(WEB, API, 9125, "UDP")).as("the named UDP port stats").isTrue();
        assertThat(policy.allows(INTERNET, API, 9080, "TCP")).as("no from: every source").isTrue();

        NetworkPolicies wholeProtocol = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  ingress:
                    - from: [{podSelector: {}}]
                      ports: [{protocol: UDP}]
                """);
        assertThat(wholeProtocol.allows(WEB, API, 9125, "UDP")).isTrue();
        assertThat(wholeProtocol.allows(WEB, API, 9080, "TCP")).isFalse();
        assertThat(wholeProtocol.allows(PROMETHEUS, API, 9125, "UDP")).as("podSelector {}: own namespace").isFalse();
    }

    @Test
    void shouldResolveANamedEgressPortAgainstTheDestinationPod() {
        NetworkPolicies policy = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {matchLabels: {app: api}}
                  policyTypes: [Egress]
                  egress:
                    - ports: [{port: pg}]
                """);
        assertThat(policy.allows(API, DB, 5432, "TCP")).isTrue();
        assertThat(policy.allows(API, DB, 5433, "TCP")).isFalse();
        assertThat(policy.allows(API, WEB, 5432, "TCP")).as("web has no port pg").isFalse();
        assertThat(policy.allows(API, new Address("store", "10.100.0.1"), 5432, "TCP"))
                .as("an address has no named ports").isFalse();
    }

    @Test
    void shouldOnlyApplyAPolicyToPodsOfItsNamespace() {
        NetworkPolicies monitoringDenies = policies("""
                metadata: {name: deny, namespace: monitoring}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                """);
        assertThat(monitoringDenies.allows(WEB, API, 9080, "TCP")).isTrue();
        assertThat(monitoringDenies.allows(PROMETHEUS, API, 9080, "TCP")).isFalse();
        assertThat(monitoringDenies.allows(API, PROMETHEUS, 9090, "TCP")).isFalse();
    }

    @Test
    void shouldRefuseWhatTheApiServerWouldRefuse() {
        NetworkPolicies emptyPeer = policies("""
                metadata: {name: api, namespace: shop}
                spec:
                  podSelector: {}
                  ingress: [{from: [{}]}]
                """);
        assertThatThrownBy(() -> emptyPeer.allows(WEB, API, 9080, "TCP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policies("metadata: {name: nowhere}\nspec: {podSelector: {}}"))
                .hasMessageContaining("no namespace");
    }

    private static Pod pod(String name, String namespace, Map<String, String> labels, PodPort... ports) {
        return new Pod(name, namespace, labels, List.of(ports), null);
    }

    private static NetworkPolicies policies(String yaml) {
        return new NetworkPolicies(parse(yaml), NAMESPACES);
    }

    private static List<NetworkPolicy> parse(String yaml) {
        return Rendering.parse(yaml).stream()
                .map(document -> {
                    var withKind = new java.util.LinkedHashMap<String, Object>(document);
                    withKind.put("apiVersion", "networking.k8s.io/v1");
                    withKind.put("kind", "NetworkPolicy");
                    return Rendering.SERIALIZATION.convertValue(withKind, NetworkPolicy.class);
                })
                .toList();
    }
}
