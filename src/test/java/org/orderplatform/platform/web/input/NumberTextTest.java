package org.orderplatform.platform.web.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.testsupport.Gen;
import org.orderplatform.testsupport.Property;

class NumberTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "19.99", "9999999999.99", "9223372036854775807", "-9223372036854775808",
            "1e999", "1E-999", "1.5e+010", "0.0000000000000000000000000000000000001", "1e0000000000000000000000000002"})
    void shouldAcceptNumbersWithinTheBounds(String number) {
        assertThat(NumberText.problem(number)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000", "1e999999999", "1e-999999999", "1E+1000", "-2.5e-12345"})
    void shouldRefuseHugeExponents(String number) {
        assertThat(NumberText.problem(number)).contains(NumberText.MESSAGE);
    }

    @Test
    void shouldRefuseLongDigitStringsWithoutParsingThem() {
        String digits = "9".repeat(900_000);
        long start = System.nanoTime();

        assertThat(NumberText.problem(digits)).contains(NumberText.MESSAGE);
        assertThat(NumberText.problem("1." + digits)).contains(NumberText.MESSAGE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void shouldLetThroughOnlyNumbersThatAreCheapToUse() {
        Gen<Integer> digits = Gen.ints(1, 60);
        // Half of them near the bound of three exponent digits, where a mistake would show
        Gen<Integer> exponents = Gen.oneOf(Gen.ints(-5000, 5000), Gen.ints(-1100, -900), Gen.ints(900, 1100));

        Property.forAll(200, random -> "7".repeat(digits.next(random)) + "e" + exponents.next(random), text -> {
            int exponent = Integer.parseInt(text.substring(text.indexOf('e') + 1));
            boolean accepted = NumberText.problem(text).isEmpty();

            assertThat(accepted).isEqualTo(text.length() <= NumberText.MAX_LENGTH && Math.abs(exponent) <= 999);
            if (accepted) {
                assertThat(new BigDecimal(text).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                        .hasSizeLessThan(1100);
            }
        });
    }
}
