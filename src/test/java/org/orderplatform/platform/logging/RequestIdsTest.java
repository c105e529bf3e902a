package org.orderplatform.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"3f1c8a52-0a4b-4c55-9a8e-2f6a7c1d9e10", "req_42", "trace:00-4bf92f35.b7ad6b71-01"})
    void shouldAcceptWellFormedIds(String offered) {
        assertThat(RequestIds.acceptOrGenerate(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"two words", "line\nbreak", "quote\"", "{json}", "semi;colon"})
    void shouldReplaceMalformedOrMissingIdsWithUuid(String offered) {
        String id = RequestIds.acceptOrGenerate(offered);

        assertThat(id).isNotEqualTo(offered);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 129})
    void shouldAcceptIdsUpTo128Characters(int length) {
        String offered = "a".repeat(length);

        assertThat(RequestIds.acceptOrGenerate(offered).equals(offered)).isEqualTo(length <= 128);
    }
}
