package org.orderplatform.user;

import jakarta.validation.constraints.Size;

/** {@code PATCH /api/users/{id}} by a superuser: name, activity and superuser flag - nothing else. */
public record AdminUserUpdate(@Size(max = 200) String fullName, Boolean isActive, Boolean isSuperuser) {
}
