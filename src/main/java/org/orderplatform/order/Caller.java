package org.orderplatform.order;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.orderplatform.platform.security.Roles;

/** Who is asking: their user id, and whether they are a superuser (who may see and act on every order). */
public record Caller(long userId, boolean superuser) {

    /** The caller an access token names. */
    public static Caller of(JsonWebToken token) {
        return new Caller(Long.parseLong(token.getSubject()), token.getGroups().contains(Roles.ADMIN));
    }

    boolean mayAccess(Order order) {
        return superuser || order.ownerId() == userId;
    }
}
