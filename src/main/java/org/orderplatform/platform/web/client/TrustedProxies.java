package org.orderplatform.platform.web.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}: addresses and CIDR networks,
 * comma-separated, e.g. {@code 10.0.0.0/8, fd00::/8}), and how the client's address is read from a request.
 *
 * <p>The chain is read from the right - the hop nearest to us - past every trusted proxy; the first address that is
 * not a trusted proxy is the client. An entry that is not an IP address ends the walk at the last trusted hop:
 * nobody we trust wrote it, so nothing left of it can be believed either.
 */
public final class TrustedProxies {

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = List.copyOf(networks);
    }

    /** Parses the setting; an entry that is neither an address nor a network is a configuration error. */
    public static TrustedProxies parse(String setting) {
        List<Network> networks = new ArrayList<>();
        for (String entry : setting == null ? new String[0] : setting.split(",")) {
            String text = entry.trim();
            if (!text.isEmpty()) {
                networks.add(Network.parse(text));
            }
        }
        return new TrustedProxies(networks);
    }

    public boolean trustsAny() {
        return !networks.isEmpty();
    }

    boolean trusts(IpAddress address) {
        return networks.stream().anyMatch(network -> address.isIn(network.address(), network.prefixLength()));
    }

    /**
     * The client of a request that reached us from {@code peer}, given its X-Forwarded-For header values (several
     * headers count as one list, in order).
     */
    public IpAddress client(IpAddress peer, List<String> forwardedFor) {
        IpAddress client = peer;
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> hops.addAll(List.of(header.split(","))));
        for (int i = hops.size() - 1; i >= 0 && trusts(client); i--) {
            var hop = IpAddress.parse(hops.get(i).trim());
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client;
    }

    private record Network(IpAddress address, int prefixLength) {
        static Network parse(String text) {
            int slash = text.indexOf('/');
            IpAddress address = IpAddress.parse(slash < 0 ? text : text.substring(0, slash))
                    .orElseThrow(() -> invalid(text));
            int bits = address.isV4() ? 32 : 128;
            int prefix;
            try {
                prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            if (prefix < 0 || prefix > bits) {
                throw invalid(text);
            }
            return new Network(address, prefix);
        }

        private static IllegalArgumentException invalid(String text) {
            return new IllegalArgumentException("TRUSTED_PROXIES: '" + text
                    + "' is neither an IP address nor a network such as 10.0.0.0/8");
        }
    }
}
