package org.orderplatform.platform.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "192.0.2.1, 192.0.2.1",
        "::1, 0:0:0:0:0:0:0:1",
        "0:0:0:0:0:0:0:1, 0:0:0:0:0:0:0:1",
        "2001:DB8::0:1, 2001:db8:0:0:0:0:0:1",
        "::ffff:192.0.2.1, 192.0.2.1",
        "fe80::1:2:3:4, fe80:0:0:0:1:2:3:4",
    })
    void shouldSpellEveryAddressOneWay(String text, String canonical) {
        assertThat(IpAddress.parse(text)).hasValueSatisfying(address -> assertThat(address).hasToString(canonical));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "1:2:3:4:5:6:7:8:9",
        "1::2::3", "12345::", "[::1]", "::1%eth0", "1.2.3.4:80", "١.٢.٣.٤", "::ｆ", " 1.2.3.4"})
    void shouldRefuseAnythingThatIsNotAnIpLiteral(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} counts as {1}")
    @CsvSource({
        "198.51.100.7, 198.51.100.7",
        "2001:db8:1:2:aaaa::1, 2001:db8:1:2:0:0:0:0/64",
        "2001:db8:1:2:bbbb::9, 2001:db8:1:2:0:0:0:0/64",
    })
    void shouldCountIpv6ClientsByTheirSlash64(String text, String key) {
        assertThat(IpAddress.parse(text).orElseThrow().limitKey()).isEqualTo(key);
    }
}
