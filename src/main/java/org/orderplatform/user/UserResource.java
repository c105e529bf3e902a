package org.orderplatform.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.platform.web.client.ClientAddresses;
import org.orderplatform.platform.web.input.NumericId;
import org.orderplatform.platform.web.paging.PageParameters;
import org.orderplatform.platform.web.paging.PageView;

/** {@code /api/users}: the caller's own account, and user administration for superusers. */
@Path("users")
@RequestScoped
@Tag(name = "users", description = "Accounts")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "password")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    AccountSessions sessions;

    @Inject
    JsonWebToken caller;

    @Inject
    ClientAddresses clients;

    @Context
    HttpServletRequest request;

    @GET
    @Path("me")
    @RolesAllowed({Roles.USER, Roles.ADMIN})
    @Operation(summary = "The caller's account")
    public UserView me() {
        return UserView.of(users.get(callerId()));
    }

    @PATCH
    @Path("me")
    @RolesAllowed({Roles.USER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's name, email or password",
            description = "Email and password changes need current_password (throttled like logins). A password "
                    + "change ends the caller's other sessions and revokes every access token issued so far, the "
                    + "caller's included (refresh it). is_superuser, is_active and id cannot be set here (422).")
    @APIResponse(responseCode = "200", description = "The updated account")
    @APIResponse(responseCode = "403", description = "current_password is wrong")
    @APIResponse(responseCode = "409", description = "The new email address is taken, or the password was changed "
            + "by another request meanwhile")
    @APIResponse(responseCode = "429", description = "Too many wrong current passwords; see Retry-After")
    @APIResponse(responseCode = "422", description = "Invalid or forbidden fields")
    public UserView updateMe(@Valid @NotNull SelfUpdate body) {
        return UserView.of(users.updateSelf(callerId(), sessions.sessionOf(caller), body,
                clients.of(request)));
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List users (superusers only)", description = "q matches email or name, any case.")
    public PageView<UserView> list(@BeanParam PageParameters page, @QueryParam("q") @Size(max = 320) String query) {
        return users.page(query, page.paging());
    }

    @GET
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One user (superusers only)")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user")
    public UserView get(@PathParam("id") @NumericId String id) {
        return UserView.of(users.get(Long.parseLong(id)));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's name, activity or superuser flag (superusers only)",
            description = "Deactivating or demoting a user ends their sessions and access tokens. The last active "
                    + "superuser cannot be demoted or deactivated (409).")
    @APIResponse(responseCode = "200", description = "The updated user")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "It would leave no active superuser")
    public UserView update(@PathParam("id") @NumericId String id, @Valid @NotNull AdminUserUpdate body) {
        return UserView.of(users.updateByAdmin(Long.parseLong(id), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a user (superusers only)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "A superuser cannot delete themself, nor the last active "
            + "superuser")
    public void delete(@PathParam("id") @NumericId String id) {
        users.delete(callerId(), Long.parseLong(id));
    }

    @GET
    @Path("{id}/lockout")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A user's failed logins (superusers only)", description = "failed_attempts in the current "
            + "window (from any address), locked_addresses (client addresses refused for this account), delayed "
            + "(further attempts must wait a growing delay) and window_ends_in_seconds.")
    @APIResponse(responseCode = "200", description = "The account's failed logins")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "503", description = "The throttling state (Redis) cannot be read")
    public PasswordAttempts.Lockout lockout(@PathParam("id") @NumericId String id) {
        return users.lockout(Long.parseLong(id));
    }

    @DELETE
    @Path("{id}/lockout")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Clear a user's login lockout (superusers only)", description = "Forgets every failed "
            + "login counted against the account: it can log in again at once, from anywhere.")
    @APIResponse(responseCode = "204", description = "Cleared")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "503", description = "The throttling state (Redis) cannot be changed")
    public void clearLockout(@PathParam("id") @NumericId String id) {
        users.clearLockout(Long.parseLong(id));
    }

    private long callerId() {
        return Long.parseLong(caller.getSubject());
    }
}
