package org.orderplatform.platform.web.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

    static final TrustedProxies INGRESS = TrustedProxies.parse("10.0.0.5, fd00::/8");

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
        "203.0.113.9 | 198.51.100.1       | 203.0.113.9",   // a client naming its own address is not believed
        "10.0.0.5    | 198.51.100.1       | 198.51.100.1",  // the ingress is
        "10.0.0.5    | 192.0.2.1, 198.51.100.1 | 198.51.100.1", // left of the first untrusted hop is anybody's say
        "10.0.0.5    | ''                 | 10.0.0.5",      // no header: the proxy itself
        "10.0.0.5    | not-an-address     | 10.0.0.5",      // junk ends the walk at the last trusted hop
        "10.0.0.5    | 198.51.100.1, evil | 10.0.0.5",
        "10.0.0.5    | 198.51.100.1:4711  | 10.0.0.5",      // ports are not addresses
        "10.0.0.6    | 198.51.100.1       | 10.0.0.6",      // a neighbour of the ingress is not the ingress
        "fd00::1     | 2001:db8::7        | 2001:db8:0:0:0:0:0:7",
        "10.0.0.5    | 10.0.0.5, 198.51.100.1 | 198.51.100.1",
    })
    void shouldBelieveForwardedAddressesOnlyFromTrustedProxies(String peer, String forwarded, String client) {
        List<String> headers = forwarded.isEmpty() ? List.of() : List.of(forwarded);

        assertThat(INGRESS.client(IpAddress.parse(peer).orElseThrow(), headers))
                .hasToString(IpAddress.parse(client).orElseThrow().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "192.168.0.1", "::1"})
    void shouldTrustNoProxyByDefault(String peer) {
        IpAddress address = IpAddress.parse(peer).orElseThrow();

        assertThat(TrustedProxies.parse("").client(address, List.of("198.51.100.1"))).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "localhost", "10.0.0.0/x", "10\\.\\d+"})
    void shouldRefuseSettingsThatAreNotAddressesOrNetworks(String setting) {
        assertThatThrownBy(() -> TrustedProxies.parse(setting)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRUSTED_PROXIES");
    }
}
