package org.orderplatform.platform.web.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.orderplatform.platform.web.problem.ProblemDetails;
import org.orderplatform.platform.web.problem.ProblemException;
import org.orderplatform.testsupport.Gen;
import org.orderplatform.testsupport.Property;

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
                assertThat(problem.errors()).extracting(ProblemDetails.FieldError::field)
                        .containsExactly("page", "size"));
    }

    @Test
    void shouldAcceptExactlyThePagesWithinBoundsAndNeverOverflow() {
        // Uniform over the whole int range would almost never hit a valid page: small ones and the bounds as well
        Gen<Integer> pages = Gen.oneOf(Gen.ints(-10, 100), Gen.ints(Paging.MAX_PAGE - 10, Paging.MAX_PAGE + 10),
                Gen.ints(-10, Paging.MAX_PAGE), Gen.ints(-10, Integer.MAX_VALUE), Gen.just(Integer.MAX_VALUE));
        Gen<Integer> sizes = Gen.oneOf(Gen.ints(-10, Paging.MAX_SIZE + 10), Gen.ints(-10, 1000));

        Property.forAll(300, random -> new Query(pages.next(random), sizes.next(random)), query -> {
            int page = query.page();
            int size = query.size();
            boolean valid = page >= 1 && page <= Paging.MAX_PAGE && size >= 1 && size <= Paging.MAX_SIZE;
            try {
                Paging paging = Paging.of(Integer.toString(page), Integer.toString(size));
                assertThat(valid).isTrue();
                assertThat(paging.offset()).isEqualTo((long) (page - 1) * size);
            } catch (ProblemException refused) {
                assertThat(valid).isFalse();
                assertThat(refused.status()).isEqualTo(422);
            }
        });
    }

    private record Query(int page, int size) {
    }
}
