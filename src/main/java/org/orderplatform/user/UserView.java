package org.orderplatform.user;

import java.time.OffsetDateTime;

/** A user as the API shows it (snake_case on the wire); never the password hash. */
public record UserView(long id, String email, String fullName, boolean isActive, boolean isSuperuser,
                       OffsetDateTime createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.email(), user.fullName(), user.isActive(), user.isSuperuser(),
                user.createdAt());
    }
}
