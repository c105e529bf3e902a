package org.orderplatform.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/login} as JSON; the form variant uses {@code username} for the email. */
public record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {

    /** Email addresses are trimmed before anything else looks at them. */
    public LoginRequest {
        email = email == null ? null : email.trim();
    }
}
