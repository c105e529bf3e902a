package org.orderplatform.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Property(tries = 200)
    void shouldLetThroughOnlyNumbersThatAreCheapToUse(@ForAll @IntRange(min = 1, max = 60) int digits,
                                                      @ForAll @IntRange(min = -5000, max = 5000) int exponent) {
        String text = "7".repeat(digits) + "e" + exponent;
        boolean accepted = NumberText.problem(text).isEmpty();

        assertThat(accepted).isEqualTo(text.length() <= NumberText.MAX_LENGTH && Math.abs(exponent) <= 999);
        if (accepted) {
            assertThat(new BigDecimal(text).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                    .hasSizeLessThan(1100);
        }
    }
}
