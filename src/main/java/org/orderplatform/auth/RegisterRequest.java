package org.orderplatform.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.orderplatform.platform.web.input.FreeText;
import org.orderplatform.user.PasswordPolicy;

/** {@code POST /api/auth/register}. The password rules beyond length are checked by {@link PasswordPolicy}. */
public record RegisterRequest(
        @NotBlank @Email @Size(max = 320) String email,
        @NotNull @Size(min = 8, max = 128) String password,
        @Size(max = 200) @FreeText String fullName) {

    /** Email addresses are trimmed before anything else looks at them. */
    public RegisterRequest {
        email = email == null ? null : email.trim();
    }
}
