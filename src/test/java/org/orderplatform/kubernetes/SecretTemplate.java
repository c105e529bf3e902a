package org.orderplatform.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Secrets a user creates by hand (kubernetes/base/secrets.template.yaml - never applied): their names and keys,
 * which every reference in the manifests must match.
 */
record SecretTemplate(Map<String, Set<String>> keysByName) {

    static final Path FILE = Variants.BASE.resolve("secrets.template.yaml");

    @SuppressWarnings("unchecked")
    static SecretTemplate read() {
        try {
            return new SecretTemplate(Rendering.parse(Files.readString(FILE)).stream().collect(Collectors.toMap(
                    secret -> (String) ((Map<String, Object>) secret.get("metadata")).get("name"),
                    secret -> new TreeSet<>(((Map<String, Object>) secret.get("stringData")).keySet()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> keys(String secret) {
        return keysByName.getOrDefault(secret, Set.of());
    }

    /** The Secret's data with a placeholder for each value ("<secret NAME>"), or null when there is no such Secret. */
    Map<String, String> placeholders(String secret) {
        Set<String> keys = keysByName.get(secret);
        return keys == null ? null
                : keys.stream().collect(Collectors.toMap(key -> key, key -> "<secret " + secret + ">"));
    }
}
