package org.orderplatform.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"Correct-Horse-42", "eight ch", "a much longer passphrase with spaces"})
    void shouldAcceptReasonablePasswords(String password) {
        assertThat(policy.check("password", password, "ada@example.org")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "seven77, must be 8 to 128 characters long",
            "Password123, is one of the most common passwords; choose another",
            "QWERTYUIOP, is one of the most common passwords; choose another",
            "ADA@example.org, must not be the email address"})
    void shouldExplainWhatIsWrong(String password, String message) {
        assertThat(policy.check("password", password, "ada@example.org"))
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("password");
                    assertThat(error.message()).isEqualTo(message);
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 129})
    void shouldAllowUpTo128Characters(int length) {
        assertThat(policy.check("password", "x".repeat(length), null)).hasSize(length <= 128 ? 0 : 1);
    }
}
