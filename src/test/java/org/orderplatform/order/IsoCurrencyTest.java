package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which currency codes an order may be placed in. */
class IsoCurrencyTest {

    private final IsoCurrency.Validator validator = new IsoCurrency.Validator();

    @ParameterizedTest
    @ValueSource(strings = {"USD", "EUR", "GBP", "JPY", "CHF", "KWD"})
    void shouldAcceptRealCurrencies(String code) {
        assertThat(validator.isValid(code, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XTS", "XDR"})
    void shouldRejectPseudoCurrenciesThatHaveNoCents(String code) {
        assertThat(validator.isValid(code, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABC", "ZZZ", "EUU"})
    void shouldRejectCodesNoCurrencyHas(String code) {
        assertThat(validator.isValid(code, null)).isFalse();
    }

    @Test
    void shouldLeaveMalformedAndMissingCodesToTheOtherConstraints() {
        // @Pattern names the expected form ("such as USD"); a second message for the same value would only repeat it
        assertThat(validator.isValid("usd", null)).isTrue();
        assertThat(validator.isValid("US", null)).isTrue();
        assertThat(validator.isValid(null, null)).isTrue();
    }
}
