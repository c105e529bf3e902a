package org.orderplatform.platform.web.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireNamesTest {

    @ParameterizedTest
    @CsvSource({
            "fullName, full_name",
            "items[0].unitPrice, items[0].unit_price",
            "email, email",
            "isSuperuser, is_superuser"})
    void shouldNameFieldsAsTheyAppearOnTheWire(String javaName, String wireName) {
        assertThat(WireNames.of(javaName)).isEqualTo(wireName);
    }
}
