package org.orderplatform.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {

    @Test
    void shouldKeepTheLargestOffsetWithinAnInt() {
        assertThat((long) (Paging.MAX_PAGE - 1) * Paging.MAX_SIZE).isLessThanOrEqualTo(Integer.MAX_VALUE);
        assertThat(Paging.of(Integer.toString(Paging.MAX_PAGE), "100").offset())
                .isEqualTo((Paging.MAX_PAGE - 1) * 100);
    }

    @ParameterizedTest
    @CsvSource({"1, 20, 0", "2, 20, 20", "3, 100, 200", "007, 1, 6"})
    void shouldTurnParametersIntoAnOffset(String page, String size, int offset) {
        assertThat(Paging.of(page, size).offset()).isEqualTo(offset);
    }

    @ParameterizedTest
    @CsvSource(value = {"0", "-1", "abc", "''", "' 1'", "1.0", "1e3", "10000001", "21474838", "2147483648",
            "99999999999999999999999", "+1", "١"}, quoteCharacter = '\'')
    void shouldRefuseAnyOtherPage(String page) {
        assertThatThrownBy(() -> Paging.of(page, "20")).isInstanceOfSatisfying(ProblemException.class, problem -> {
            assertThat(problem.status()).isEqualTo(422);
            assertThat(problem.errors()).containsExactly(new ProblemDetails.FieldError("page", Paging.PAGE_MESSAGE));
        });
    }

    @Test
    void shouldNameBothParametersWhenBothAreWrong() {
        assertThatThrownBy(() -> Paging.of("x", "101")).isInstanceOfSatisfying(ProblemException.class, problem ->
                assertThat(problem.errors()).extracting(ProblemDetails.FieldError::field).containsExactly("page", "size"));
    }

    @Property(tries = 300)
    void shouldAcceptExactlyThePagesWithinBoundsAndNeverOverflow(@ForAll @IntRange(min = -10, max = Integer.MAX_VALUE) int page,
                                                                 @ForAll @IntRange(min = -10, max = 1000) int size) {
        boolean valid = page >= 1 && page <= Paging.MAX_PAGE && size >= 1 && size <= Paging.MAX_SIZE;
        try {
            Paging paging = Paging.of(Integer.toString(page), Integer.toString(size));
            assertThat(valid).isTrue();
            assertThat(paging.offset()).isEqualTo((long) (page - 1) * size);
        } catch (ProblemException refused) {
            assertThat(valid).isFalse();
            assertThat(refused.status()).isEqualTo(422);
        }
    }
}
