package org.orderplatform.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.orderplatform.platform.web.PlainText;

/** {@code PATCH /api/users/{id}} by a superuser: name, activity and superuser flag - nothing else. */
public record AdminUserUpdate(@Size(max = 200) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String fullName, Boolean isActive, Boolean isSuperuser) {
}
