package org.orderplatform.platform.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.testsupport.Gen;
import org.orderplatform.testsupport.Property;

class QueryStringTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "page=1&size=20", "q=Zo%C3%AB+%F0%9F%98%80", "as_of=2026-01-01T00:00:00%2B01:00",
            "sort=created_at,desc", "q=a%25b", "from=2026-01-01&to=2026-01-31", "q=%E2%80%AE"})
    void shouldAcceptPercentEncodedUtf8(String query) {
        assertThat(QueryString.isPercentEncodedUtf8(query)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=%ZZ", "q=%", "q=%4", "q=%FF", "q=%C3", "q=%E2%80", "q=%ED%A0%80", "q=%C0%AF",
            "q=a|b", "q=a b", "q=a\"b", "q=<x>", "q={}", "q=\u00e9"})
    void shouldRefuseAnythingElse(String query) {
        assertThat(QueryString.isPercentEncodedUtf8(query)).isFalse();
    }

    @Test
    void shouldAcceptWhateverAUtf8EncoderProduces() {
        // Any char at all, lone surrogates included, mixed with ASCII so that the encoder's plain runs come up too
        Gen<String> values = Gen.strings(Gen.oneOf(Gen.chars(' ', '~'),
                Gen.chars(Character.MIN_VALUE, Character.MAX_VALUE)), 0, 255);

        Property.forAll(300, values, value -> {
            String query = "q=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&page=1";

            assertThat(QueryString.isPercentEncodedUtf8(query)).as(query).isTrue();
        });
    }
}
