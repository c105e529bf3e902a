package org.orderplatform.user;

import jakarta.validation.constraints.Size;
import org.orderplatform.platform.web.input.FreeText;

/** {@code PATCH /api/users/{id}} by a superuser: name, activity and superuser flag - nothing else. */
public record AdminUserUpdate(@Size(max = 200) @FreeText String fullName, Boolean isActive, Boolean isSuperuser) {
}
