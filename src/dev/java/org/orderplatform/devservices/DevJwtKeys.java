package org.orderplatform.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The development JWT key pair: generated at the first start into the dev data directory (under target/, never
 * committed) and reused afterwards, so tokens survive a restart of the local server.
 */
record DevJwtKeys(Path privateKeyFile, Path publicKeyFile) {

    static DevJwtKeys createOrLoad(Path dataDir) throws IOException, GeneralSecurityException {
        DevJwtKeys keys = new DevJwtKeys(dataDir.resolve("jwt-private.pem"), dataDir.resolve("jwt-public.pem"));
        if (Files.exists(keys.privateKeyFile()) && Files.exists(keys.publicKeyFile())) {
            return keys;
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Files.writeString(keys.privateKeyFile(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(keys.privateKeyFile(), PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays as private as its directory
        }
        Files.writeString(keys.publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return keys;
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
