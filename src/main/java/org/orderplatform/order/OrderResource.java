package org.orderplatform.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderplatform.platform.db.PostgresTimestamps;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.platform.web.input.NumericId;
import org.orderplatform.platform.web.paging.PageParameters;

/** {@code /api/orders}: the caller's orders (a superuser's: anyone's). Another user's order is a 404. */
@Path("orders")
@ApplicationScoped
@Tag(name = "orders", description = "Orders")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "password")
@RolesAllowed({Roles.USER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    OrderService orders;

    @Inject
    IdempotentOrderPlacement placement;

    @Inject
    OrderListPages listPages;

    @Inject
    OrderQueries queries;

    @Inject
    JsonWebToken token;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place an order", description = "The order starts PENDING; totals are computed. With an "
            + "Idempotency-Key, repeating the same request returns the same order (200) instead of a new one; "
            + "the same key with a different body is a 422.")
    @APIResponse(responseCode = "201", description = "Created; Location names the order")
    @APIResponse(responseCode = "200", description = "Replay of an earlier request with the same Idempotency-Key")
    public Response create(@HeaderParam("Idempotency-Key") @Size(min = 1, max = 255)
                           @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be 1-255 visible ASCII characters")
                           String idempotencyKey,
                           @Valid @NotNull OrderRequest body, @Context UriInfo uri) {
        IdempotentOrderPlacement.Placed placed = placement.place(caller(), body, Optional.ofNullable(idempotencyKey));
        OrderView view = OrderView.of(placed.order());
        if (!placed.created()) {
            return withTag(Response.ok(view), view).header("Idempotent-Replayed", "true").build();
        }
        return withTag(Response.created(uri.getBaseUriBuilder().path("orders").path(view.id().toString()).build())
                .entity(view), view).build();
    }

    @GET
    @Operation(summary = "List orders", description = "The caller's orders, newest first by default. A superuser "
            + "may add owner_id= (one user's) or all=true (everybody's). The response's List-As-Of header is the "
            + "moment the list was read: pass it back as as_of= (year 1 to 9999) for the next pages, and orders "
            + "placed meanwhile will not shift them.")
    @APIResponse(responseCode = "200", description = "{items, total, page, size}",
            content = @Content(schema = @Schema(implementation = OrderPage.class)))
    public Response list(@BeanParam PageParameters page,
                         @QueryParam("status") String status,
                         @QueryParam("sort") @DefaultValue("created_at,desc") String sort,
                         @QueryParam("owner_id") @NumericId String ownerId,
                         @QueryParam("all") @DefaultValue("false") @Pattern(regexp = "true|false",
                                 message = "must be true or false") String all,
                         @QueryParam("as_of") @Size(max = 40) String asOf) {
        OffsetDateTime readAt = PostgresTimestamps.now();
        OrderQuery query = queries.parse(caller(), page.paging(), status, sort, ownerId, Boolean.parseBoolean(all),
                asOf);
        return Response.ok(listPages.page(query), MediaType.APPLICATION_JSON)
                .header("List-As-Of", query.asOf().orElse(readAt).toString())
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One order", description = "ETag carries the version, for If-Match on PUT.")
    public Response get(@PathParam("id") @OrderId String id) {
        OrderView view = OrderView.of(orders.get(caller(), UUID.fromString(id)));
        return withTag(Response.ok(view), view).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a pending order's items, currency and notes",
            description = "Send the version you read as If-Match (or version in the body; If-Match: * for any): "
                    + "428 without one, 412 if the order changed since, 409 once it is no longer PENDING.")
    @APIResponse(responseCode = "200", description = "The updated order; ETag is its new version")
    @APIResponse(responseCode = "412", description = "The order changed since that version")
    @APIResponse(responseCode = "428", description = "No version given (If-Match or version)")
    @APIResponse(responseCode = "409", description = "The order is no longer PENDING")
    public Response replace(@PathParam("id") @OrderId String id,
                            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull OrderRequest body) {
        OrderView view = OrderView.of(orders.replace(caller(), UUID.fromString(id), body,
                OrderQueries.precondition(ifMatch)));
        return withTag(Response.ok(view), view).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an order", description = "Not while it is PROCESSING (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The order is being processed")
    public void delete(@PathParam("id") @OrderId String id) {
        orders.delete(caller(), UUID.fromString(id));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The statuses an order took", description = "{order_id, items}, oldest first: "
            + "from_status (absent for its creation), to_status, reason, changed_at.")
    public OrderHistoryEntry.History history(@PathParam("id") @OrderId String id) {
        return orders.history(caller(), UUID.fromString(id));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a pending order")
    @APIResponse(responseCode = "200", description = "The cancelled order")
    @APIResponse(responseCode = "409", description = "The order is no longer PENDING")
    public Response cancel(@PathParam("id") @OrderId String id) {
        OrderView view = OrderView.of(orders.cancel(caller(), UUID.fromString(id)));
        return withTag(Response.ok(view), view).build();
    }

    private Caller caller() {
        return Caller.of(token);
    }

    private static Response.ResponseBuilder withTag(Response.ResponseBuilder response, OrderView view) {
        return response.tag(new EntityTag(Long.toString(view.version())));
    }
}
