package org.orderplatform.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which connections a set of NetworkPolicies (networking.k8s.io/v1) allows, by the semantics the API documents:
 * <ul>
 * <li>A pod is isolated for ingress (egress) if any policy of its namespace selects it (spec.podSelector, empty =
 * every pod) and has Ingress (Egress) among its policyTypes. Without policyTypes a policy has Ingress, and Egress too
 * if it has egress rules (the API server's defaulting).</li>
 * <li>A connection from A to B on a port and protocol is allowed only if A's egress allows it (or A is not
 * egress-isolated, or A is no pod) and B's ingress allows it (or B is not ingress-isolated, or B is no pod). A side
 * allows it if any rule of any policy isolating it matches: policies only add, never take away.</li>
 * <li>A rule matches if one of its peers matches the other end (no peers: every end) and one of its ports the port
 * (no ports: every port). A peer with a podSelector alone means pods of the policy's namespace; a namespaceSelector
 * alone every pod of the selected namespaces; both in one peer pods matching both (AND, where two peers are OR).
 * Namespaces are selected by their labels, including {@code kubernetes.io/metadata.name}, which the API server
 * sets on every namespace. An ipBlock matches addresses in its cidr and not in any of its except ranges.</li>
 * <li>A port is a number, a number to endPort (inclusive), or a name resolved against the destination pod's
 * container ports of that name and protocol; the protocol defaults to TCP; no port means every port of the
 * protocol.</li>
 * </ul>
 * Where the API leaves it to the network plugin whether an ipBlock also matches pod addresses, this evaluator takes
 * the wider reading (as Calico does): an ipBlock matches any end with an address in range, pods included. A check
 * for "nothing else is allowed" then errs toward reporting a flow as allowed, never toward hiding one.
 */
final class NetworkPolicies {

    /** The label the API server puts on every namespace, with its name. */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    /** One end of a connection. */
    sealed interface Endpoint permits Pod, Address {
        String name();

        /** Its address, or null when none matters (ipBlocks then never match it). */
        String ip();
    }

    /** A pod, with the labels and the container ports policies can refer to. */
    record Pod(String name, String namespace, Map<String, String> labels, List<PodPort> ports, String ip)
            implements Endpoint {

        Pod {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(namespace, "namespace");
            labels = Map.copyOf(labels);
            ports = List.copyOf(ports);
        }

        @Override
        public String toString() {
            return namespace + "/" + name;
        }
    }

    /** An address outside the cluster: no labels, no namespace, selectable by ipBlock alone. */
    record Address(String name, String ip) implements Endpoint {

        @Override
        public String toString() {
            return name + " (" + ip + ")";
        }
    }

    /** A container port: its name (or null), number and protocol (TCP, UDP, SCTP). */
    record PodPort(String name, int number, String protocol) {

        static PodPort tcp(String name, int number) {
            return new PodPort(name, number, "TCP");
        }
    }

    private final List<NetworkPolicy> policies;
    private final Map<String, Map<String, String>> namespaceLabels;

    /**
     * @param policies        every NetworkPolicy of the cluster (each with its namespace)
     * @param namespaceLabels the labels of the namespaces, by name; a namespace not in it has only the label
     *                        {@code kubernetes.io/metadata.name}
     */
    NetworkPolicies(Collection<NetworkPolicy> policies, Map<String, Map<String, String>> namespaceLabels) {
        this.policies = List.copyOf(policies);
        this.namespaceLabels = Map.copyOf(namespaceLabels);
        for (NetworkPolicy policy : this.policies) {
            if (policy.getMetadata() == null || policy.getMetadata().getNamespace() == null) {
                throw new IllegalArgumentException("NetworkPolicy " + name(policy) + " has no namespace");
            }
        }
    }

    /** Whether a connection from {@code from} to {@code to} on this port and protocol gets through. */
    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    /** Whether the source's side lets it out (a source that is no pod is not ours to restrict). */
    boolean egressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!(from instanceof Pod source)) {
            return true;
        }
        List<NetworkPolicy> isolating = isolating(source, "Egress");
        if (isolating.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : isolating) {
            for (var rule : nonNull(spec(policy).getEgress())) {
                if (anyPeerMatches(rule.getTo(), policy, to) && anyPortMatches(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the destination's side lets it in (a destination that is no pod is not ours to restrict). */
    boolean ingressAllows(Endpoint from, Endpoint to, int port, String protocol) {
        if (!(to instanceof Pod destination)) {
            return true;
        }
        List<NetworkPolicy> isolating = isolating(destination, "Ingress");
        if (isolating.isEmpty()) {
            return true;
        }
        for (NetworkPolicy policy : isolating) {
            for (var rule : nonNull(spec(policy).getIngress())) {
                if (anyPeerMatches(rule.getFrom(), policy, from)
                        && anyPortMatches(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The policies that select this pod and have this policy type: it is isolated for that direction if any. */
    List<NetworkPolicy> isolating(Pod pod, String policyType) {
        List<NetworkPolicy> result = new ArrayList<>();
        for (NetworkPolicy policy : policies) {
            if (policy.getMetadata().getNamespace().equals(pod.namespace())
                    // an omitted podSelector is the empty one (the API's zero value): every pod
                    && (spec(policy).getPodSelector() == null
                            || LabelSelectors.selects(spec(policy).getPodSelector(), pod.labels()))
                    && policyTypes(policy).contains(policyType)) {
                result.add(policy);
            }
        }
        return result;
    }

    /** spec.policyTypes, or its default: Ingress always, Egress when the policy has egress rules. */
    static List<String> policyTypes(NetworkPolicy policy) {
        NetworkPolicySpec spec = spec(policy);
        List<String> types = nonNull(spec.getPolicyTypes());
        for (String type : types) {
            if (!type.equals("Ingress") && !type.equals("Egress")) {
                throw new IllegalArgumentException(name(policy) + ": unknown policy type " + type);
            }
        }
        if (!types.isEmpty()) {
            return types;
        }
        return nonNull(spec.getEgress()).isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private boolean anyPeerMatches(List<NetworkPolicyPeer> peers, NetworkPolicy policy, Endpoint end) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, policy, end));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, NetworkPolicy policy, Endpoint end) {
        LabelSelector pods = peer.getPodSelector();
        LabelSelector namespaces = peer.getNamespaceSelector();
        IPBlock block = peer.getIpBlock();
        if (block != null) {
            if (pods != null || namespaces != null) {
                throw new IllegalArgumentException(name(policy) + ": a peer with an ipBlock can have no selector");
            }
            return end.ip() != null && inBlock(end.ip(), block);
        }
        if (pods == null && namespaces == null) {
            throw new IllegalArgumentException(name(policy) + ": a peer needs a podSelector, namespaceSelector or"
                    + " ipBlock");
        }
        if (!(end instanceof Pod pod)) {
            return false;
        }
        boolean namespaceMatches = namespaces == null
                ? pod.namespace().equals(policy.getMetadata().getNamespace())
                : LabelSelectors.selects(namespaces, labelsOfNamespace(pod.namespace()));
        return namespaceMatches && (pods == null || LabelSelectors.selects(pods, pod.labels()));
    }

    private Map<String, String> labelsOfNamespace(String namespace) {
        Map<String, String> labels = new HashMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put(NAMESPACE_NAME_LABEL, namespace);
        return labels;
    }

    private static boolean anyPortMatches(List<NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(rulePort -> portMatches(rulePort, to, port, protocol));
    }

    private static boolean portMatches(NetworkPolicyPort rulePort, Endpoint to, int port, String protocol) {
        String ruleProtocol = rulePort.getProtocol() == null ? "TCP" : rulePort.getProtocol();
        if (!ruleProtocol.equals(protocol)) {
            return false;
        }
        IntOrString value = rulePort.getPort();
        Integer endPort = rulePort.getEndPort();
        if (value == null) {
            if (endPort != null) {
                throw new IllegalArgumentException("endPort " + endPort + " without a port");
            }
            return true;
        }
        if (value.getIntVal() != null) {
            int first = value.getIntVal();
            int last = endPort == null ? first : endPort;
            return first <= port && port <= last;
        }
        if (endPort != null) {
            throw new IllegalArgumentException("endPort " + endPort + " with the named port " + value.getStrVal());
        }
        // a named port: the destination pod's container port of that name and protocol
        return to instanceof Pod pod && pod.ports().stream()
                .anyMatch(containerPort -> value.getStrVal().equals(containerPort.name())
                        && ruleProtocol.equals(containerPort.protocol()) && containerPort.number() == port);
    }

    static boolean inBlock(String ip, IPBlock block) {
        if (!inCidr(ip, block.getCidr())) {
            return false;
        }
        return nonNull(block.getExcept()).stream().noneMatch(except -> inCidr(ip, except));
    }

    /** Whether the address lies in the CIDR range (IPv4 or IPv6; an address of the other family never does). */
    static boolean inCidr(String ip, String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        byte[] address = literal(ip);
        byte[] network = literal(cidr.substring(0, slash));
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        if (address.length != network.length) {
            return false;
        }
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("not a CIDR: " + cidr);
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] literal(String ip) {
        if (!ip.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("not an IP address: " + ip); // no name lookups
        }
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + ip, e);
        }
    }

    private static NetworkPolicySpec spec(NetworkPolicy policy) {
        return policy.getSpec() == null ? new NetworkPolicySpec() : policy.getSpec();
    }

    private static String name(NetworkPolicy policy) {
        return policy.getMetadata() == null ? "(unnamed)"
                : policy.getMetadata().getNamespace() + "/" + policy.getMetadata().getName();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
