package org.orderplatform.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key the platform signs access tokens with, shared by all replicas through configuration:
 * {@code JWT_PRIVATE_KEY_FILE} (a mounted PEM file) or {@code JWT_PRIVATE_KEY} (the PEM itself). At start-up it
 * is checked against the public key mpJwt verifies with ({@code mp.jwt.verify.publickey[.location]}): without a
 * key, or with keys that do not belong together, the application refuses to start - in every environment.
 */
@ApplicationScoped
public class SigningKey {

    static final int MIN_KEY_BITS = 2048;

    @Inject
    @ConfigProperty(name = "JWT_PRIVATE_KEY_FILE")
    Optional<String> privateKeyFile;

    @Inject
    @ConfigProperty(name = "JWT_PRIVATE_KEY")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> publicKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> publicKeyPem;

    private RSAPrivateCrtKey privateKey;

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) Startup startup) {
        privateKey();
    }

    /** The signing key, loaded and checked once. */
    public synchronized RSAPrivateCrtKey privateKey() {
        if (privateKey == null) {
            RSAPrivateCrtKey key = loadPrivateKey();
            RSAPublicKey verifyKey = loadVerifyKey();
            if (!verifyKey.getModulus().equals(key.getModulus())
                    || !verifyKey.getPublicExponent().equals(key.getPublicExponent())) {
                throw new IllegalStateException("The JWT signing key (JWT_PRIVATE_KEY[_FILE]) does not belong to "
                        + "the verification key (MP_JWT_VERIFY_PUBLICKEY[_LOCATION]): every token would be refused");
            }
            privateKey = key;
        }
        return privateKey;
    }

    private RSAPrivateCrtKey loadPrivateKey() {
        String pem = pem(privateKeyPem, privateKeyFile, "No JWT signing key is configured: set "
                + "JWT_PRIVATE_KEY_FILE to a PEM file (PKCS#8 RSA private key) or JWT_PRIVATE_KEY to its text");
        RSAPrivateCrtKey key;
        try {
            key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(der(pem, "PRIVATE KEY")));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT signing key is not a PKCS#8 RSA private key in PEM", e);
        }
        if (key.getModulus().bitLength() < MIN_KEY_BITS) {
            throw new IllegalStateException("The JWT signing key has " + key.getModulus().bitLength()
                    + " bits; use at least " + MIN_KEY_BITS);
        }
        return key;
    }

    private RSAPublicKey loadVerifyKey() {
        String pem = pem(publicKeyPem, publicKeyLocation, "No JWT verification key is configured: set "
                + "MP_JWT_VERIFY_PUBLICKEY_LOCATION to a PEM file (RSA public key) or MP_JWT_VERIFY_PUBLICKEY");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("The JWT verification key is not an RSA public key in PEM", e);
        }
    }

    /** The PEM given inline, else read from the file; {@code missing} explains what to set when neither is. */
    private static String pem(Optional<String> inline, Optional<String> file, String missing) {
        return inline.filter(value -> !value.isBlank())
                .or(() -> file.filter(value -> !value.isBlank()).map(SigningKey::read))
                .orElseThrow(() -> new IllegalStateException(missing));
    }

    private static String read(String location) {
        try {
            return Files.readString(Path.of(location.startsWith("file:") ? location.substring(5) : location));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the JWT key file " + location, e);
        }
    }

    private static byte[] der(String pem, String label) {
        String base64 = pem.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
