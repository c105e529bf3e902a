package org.orderplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.orderplatform.testsupport.Gen.weight;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GenTest {

    private static final Gen<String> MIXED = Gen.frequency(
            weight(3, Gen.strings(Gen.chars('a', 'z'), 0, 8)),
            weight(1, Gen.ints(-5, 5).map(String::valueOf)),
            weight(1, Gen.of("x", "y").flatMap(prefix -> Gen.longs(0, 99).map(n -> prefix + n))));

    @Test
    void shouldDrawTheSameValuesFromTheSameSeed() {
        assertThat(draw(MIXED, 42L, 200)).isEqualTo(draw(MIXED, 42L, 200));
        assertThat(draw(MIXED, 42L, 200)).isNotEqualTo(draw(MIXED, 43L, 200));
    }

    @Test
    void shouldNeverDrawAChoiceOfZeroWeight() {
        Gen<String> gen = Gen.frequency(weight(0, Gen.just("never")), weight(1, Gen.just("a")),
                weight(0, Gen.just("never either")), weight(2, Gen.just("b")));

        assertThat(draw(gen, 7L, 1_000)).containsOnly("a", "b");
    }

    @Test
    void shouldKeepStringsAndNumbersWithinTheirBounds() {
        assertThat(draw(Gen.strings(Gen.chars('k', 'm'), 2, 5), 1L, 1_000)).allSatisfy(text ->
                assertThat(text).hasSizeBetween(2, 5).matches("[k-m]*"));
        assertThat(draw(Gen.ints(-3, 3), 2L, 1_000)).containsOnly(-3, -2, -1, 0, 1, 2, 3);
        assertThat(draw(Gen.longs(Long.MAX_VALUE - 1, Long.MAX_VALUE), 3L, 100))
                .containsOnly(Long.MAX_VALUE - 1, Long.MAX_VALUE);
        assertThat(draw(Gen.ints(Integer.MIN_VALUE, Integer.MAX_VALUE).list(0, 3), 4L, 100))
                .allSatisfy(list -> assertThat(list).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void shouldGiveUpOnAFilterThatRejectsEverything() {
        assertThat(draw(Gen.ints(0, 9).filter(n -> n % 2 == 0), 5L, 100)).containsOnly(0, 2, 4, 6, 8);
        assertThatThrownBy(() -> Gen.ints(0, 9).filter(n -> n > 9).next(new Random(6L)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static <T> List<T> draw(Gen<T> gen, long seed, int count) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> gen.next(random)).toList();
    }
}
