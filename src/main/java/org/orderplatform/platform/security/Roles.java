package org.orderplatform.platform.security;

/**
 * The two roles, as access tokens carry them in {@code groups} and resources name them in {@code @RolesAllowed}:
 * every account is a {@code user}; a superuser is also an {@code admin}. They live here, not with the token code,
 * so that a feature can guard its endpoints without depending on how tokens are made.
 */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
