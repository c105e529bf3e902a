package org.orderplatform.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void shouldStoreArgon2idAtOwaspParametersInPhcFormat() {
        String hash = hasher.hash("Correct-Horse-42");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void shouldVerifyOnlyTheRightPassword() {
        String hash = hasher.hash("Correct-Horse-42");

        assertThat(hasher.verify("Correct-Horse-42", hash)).isTrue();
        assertThat(hasher.verify("correct-horse-42", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void shouldSaltEveryHash() {
        assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
    }

    @Test
    void shouldVerifyOldParametersButAskForRehash() {
        String old = hasher.hash("Correct-Horse-42", new byte[16], 4096, 1, 1);

        assertThat(hasher.verify("Correct-Horse-42", old)).isTrue();
        assertThat(hasher.needsRehash(old)).isTrue();
    }

    @Test
    void shouldRefuseAnythingThatIsNotArgon2id() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "plain-text")).isFalse();
        assertThat(hasher.verify("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.needsRehash("plain-text")).isTrue();
    }
}
