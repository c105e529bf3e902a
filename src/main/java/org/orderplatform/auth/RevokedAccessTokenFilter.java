package org.orderplatform.auth;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses (401) a valid access token that was revoked: logout, or the user deactivated, demoted, deleted, their
 * password changed (see {@link TokenRevocations}). Operations open to everybody (login, register, refresh) ignore
 * the token a client still sends along: it must be able to log in again.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 1)
public class RevokedAccessTokenFilter implements ContainerRequestFilter {

    @Inject
    TokenRevocations revocations;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        // The principal, not an injected JsonWebToken: on requests without a token (login, register) touching the
        // injected one makes Liberty log an error each time.
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token && !isOpenToEverybody()
                && revocations.isRevoked(IssuedToken.of(token))) {
            throw new NotAuthorizedException("This access token has been revoked; log in again",
                    "Bearer error=\"invalid_token\"");
        }
    }

    private boolean isOpenToEverybody() {
        return resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(PermitAll.class);
    }
}
