package org.orderplatform.auth;

import jakarta.validation.constraints.Size;

/** {@code POST /api/auth/refresh}; the token may come from the httpOnly cookie instead. */
public record RefreshRequest(@Size(max = 200) String refreshToken) {
}
