package org.orderplatform.auth;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.platform.web.client.ClientAddresses;
import org.orderplatform.user.UserView;

/** {@code /api/auth}: register, log in (JSON or form), refresh, log out. */
@Path("auth")
@RequestScoped
@Tag(name = "auth", description = "Registration and tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    static final String REFRESH_COOKIE = "refresh_token";

    @Inject
    AuthService auth;

    @Inject
    JsonWebToken caller;

    @Inject
    @ConfigProperty(name = "REFRESH_COOKIE_SECURE", defaultValue = "true")
    boolean secureCookie;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_TTL_DAYS")
    int refreshDays;

    @Inject
    ClientAddresses clients;

    @Context
    HttpServletRequest request;

    @POST
    @Path("register")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account")
    @APIResponse(responseCode = "201", description = "The new user")
    @APIResponse(responseCode = "409", description = "The email address is already registered")
    @APIResponse(responseCode = "422", description = "Invalid email, password or name")
    @APIResponse(responseCode = "429", description = "Too many registrations from this client address; see "
            + "Retry-After")
    public Response register(@Valid @NotNull RegisterRequest body, @Context UriInfo uri) {
        UserView user = UserView.of(auth.register(body, clients.of(request)));
        return Response.created(uri.getBaseUriBuilder().path("users").path(Long.toString(user.id())).build())
                .entity(user).build();
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with email and password", description = "Also sets the refresh token as an "
            + "httpOnly, SameSite=Strict cookie for /api/auth.")
    @APIResponse(responseCode = "200", description = "Access and refresh tokens")
    @APIResponse(responseCode = "401", description = "Incorrect email or password")
    @APIResponse(responseCode = "403", description = "The account is deactivated")
    @APIResponse(responseCode = "429", description = "Too many failed logins for this account from this client "
            + "address, or from this address overall, or the account is being delayed after many failures from "
            + "anywhere; see Retry-After")
    public Response login(@Valid @NotNull LoginRequest body) {
        return withRefreshCookie(auth.login(body.email(), body.password(), clients.of(request)));
    }

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log in with a form (OAuth2 password flow, as used by the OpenAPI UI)")
    @APIResponse(responseCode = "200", description = "Access and refresh tokens")
    public Response loginWithForm(@FormParam("username") @NotBlank @Size(max = 320) String username,
                                  @FormParam("password") @NotBlank @Size(max = 128) String password) {
        return withRefreshCookie(auth.login(username, password, clients.of(request)));
    }

    @POST
    @Path("refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Exchange a refresh token (body or cookie) for new tokens",
            description = "The presented refresh token is used up. Presented again within "
                    + "REFRESH_REUSE_GRACE_SECONDS (a retry whose response was lost), it returns the same new pair; "
                    + "later, it revokes the whole session.")
    @APIResponse(responseCode = "200", description = "New access and refresh tokens")
    @APIResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token")
    public Response refresh(@Valid RefreshRequest body, @CookieParam(REFRESH_COOKIE) String cookie) {
        return refreshWith(body != null && body.refreshToken() != null ? body.refreshToken() : cookie);
    }

    /** The browser's variant: no body, the refresh token in the httpOnly cookie. */
    @POST
    @Path("refresh")
    @PermitAll
    @Operation(hidden = true)
    public Response refreshWithCookie(@CookieParam(REFRESH_COOKIE) String cookie) {
        return refreshWith(cookie);
    }

    private Response refreshWith(String token) {
        if (token == null || token.isBlank()) {
            throw AuthProblem.INVALID_REFRESH_TOKEN.exception(
                    "Send the refresh token in the body (refresh_token) or the refresh_token cookie");
        }
        return withRefreshCookie(auth.refresh(token));
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.USER, Roles.ADMIN})
    @SecurityRequirement(name = "bearer")
    @SecurityRequirement(name = "password")
    @Operation(summary = "End the session", description = "The session's refresh tokens stop working at once, its "
            + "access tokens (the presented one included) on every replica within REVOCATION_CHECK_SECONDS.")
    @APIResponse(responseCode = "204", description = "Logged out")
    public Response logout() {
        auth.logout(caller);
        return Response.noContent().cookie(refreshCookie("", 0)).build();
    }

    private Response withRefreshCookie(TokenResponse tokens) {
        return Response.ok(tokens).cookie(refreshCookie(tokens.refreshToken(), refreshDays * 24 * 3600)).build();
    }

    private NewCookie refreshCookie(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(REFRESH_COOKIE)
                .value(value)
                .path(request.getContextPath() + "/api/auth")
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAgeSeconds)
                .build();
    }
}
