package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;

/** What a password must be: 8-128 characters, not the email address, not one of the most common passwords. */
@ApplicationScoped
public class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;
    static final String COMMON_PASSWORDS = "user/common-passwords.txt";

    private final Set<String> common = load();

    /** The rule(s) {@code password} breaks, reported against {@code field}; empty when it is acceptable. */
    public List<FieldError> check(String field, String password, String email) {
        List<FieldError> errors = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            errors.add(new FieldError(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"));
            return errors;
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            errors.add(new FieldError(field, "must not be the email address"));
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldError(field, "is one of the most common passwords; choose another"));
        }
        return errors;
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the application");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
