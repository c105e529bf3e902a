package org.orderplatform.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.orderplatform.platform.web.input.FreeText;

/** {@code PATCH /api/users/me}: only these fields; anything else (is_superuser, is_active, id) is refused. */
public record SelfUpdate(
        @Size(max = 200) @FreeText String fullName,
        @Email @Size(min = 3, max = 320) String email,
        @Size(min = 8, max = 128) String password,
        @Size(max = 128) String currentPassword) {

    /** Email addresses are trimmed before anything else looks at them. */
    public SelfUpdate {
        email = email == null ? null : email.trim();
    }
}
