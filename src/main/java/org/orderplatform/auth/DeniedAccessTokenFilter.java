package org.orderplatform.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Refuses (401) a valid access token that was ended by logout. */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 1)
public class DeniedAccessTokenFilter implements ContainerRequestFilter {

    @Inject
    JsonWebToken token;

    @Inject
    DeniedAccessTokens denied;

    @Override
    public void filter(ContainerRequestContext request) {
        if (token.getRawToken() != null && denied.isDenied(token.getTokenID())) {
            throw new NotAuthorizedException("This access token was ended by logout; log in again",
                    "Bearer error=\"invalid_token\"");
        }
    }
}
