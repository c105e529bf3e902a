package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseToStartWithoutAKey() {
        SigningKey key = signingKey(Optional.empty(), Optional.empty());

        assertThatThrownBy(key::privateKey).hasMessageContaining("JWT_PRIVATE_KEY_FILE");
    }

    @Test
    void shouldRefuseKeysThatDoNotBelongTogether() throws Exception {
        SigningKey key = signingKey(Optional.of(file("private.pem", "PRIVATE KEY", pair().getPrivate().getEncoded())),
                Optional.of(file("public.pem", "PUBLIC KEY", pair().getPublic().getEncoded())));

        assertThatThrownBy(key::privateKey).hasMessageContaining("does not belong");
    }

    @Test
    void shouldLoadMatchingKeysFromFiles() throws Exception {
        KeyPair pair = pair();
        SigningKey key = signingKey(Optional.of(file("private.pem", "PRIVATE KEY", pair.getPrivate().getEncoded())),
                Optional.of("file:" + file("public.pem", "PUBLIC KEY", pair.getPublic().getEncoded())));

        assertThat(key.privateKey()).isEqualTo(pair.getPrivate());
    }

    private static SigningKey signingKey(Optional<String> privateFile, Optional<String> publicLocation) {
        SigningKey key = new SigningKey();
        key.privateKeyFile = privateFile;
        key.privateKeyPem = Optional.empty();
        key.publicKeyLocation = publicLocation;
        key.publicKeyPem = Optional.empty();
        return key;
    }

    private String file(String name, String label, byte[] der) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n");
        return file.toString();
    }

    private static KeyPair pair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
