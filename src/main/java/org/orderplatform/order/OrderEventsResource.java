package org.orderplatform.order;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderplatform.auth.IssuedToken;
import org.orderplatform.platform.security.Roles;

/** {@code /api/orders/{id}/events}: an order's status, live, as Server-Sent Events. */
@Path("orders/{id}/events")
@ApplicationScoped
@Tag(name = "orders")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "password")
@RolesAllowed({Roles.USER, Roles.ADMIN})
public class OrderEventsResource {

    @Inject
    OrderService orders;

    @Inject
    LiveStatusStreams streams;

    @Inject
    JsonWebToken token;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow an order's status live", description = "Server-Sent Events: a \"status\" event "
            + "with the current status, then one per change ({order_id, status, previous_status, reason, "
            + "changed_at}), whichever replica makes it. The stream ends when the access token expires, and within "
            + "seconds of a logout, deactivation, demotion or password change; reconnect with a fresh token. At most "
            + "LIVE_STREAMS_PER_USER streams per user at a time (429). Clients that cannot keep a stream open can "
            + "poll GET /api/orders/{id}.")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "404", description = "No such order (or not the caller's)")
    @APIResponse(responseCode = "429", description = "The caller has too many live streams open")
    public void events(@PathParam("id") @OrderId String id, @Context SseEventSink sink, @Context Sse sse) {
        Caller caller = Caller.of(token);
        UUID orderId = UUID.fromString(id);
        orders.get(caller, orderId); // 404 before the stream opens
        streams.open(sink, sse, orderId, () -> orders.get(caller, orderId), IssuedToken.of(token),
                Instant.ofEpochSecond(token.getExpirationTime()));
    }
}
