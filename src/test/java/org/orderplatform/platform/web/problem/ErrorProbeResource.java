package org.orderplatform.platform.web.problem;

import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A test-only resource deployed with the platform's web classes (see {@link ErrorHandlingIT}): it accepts a
 * validated JSON body and can fail unexpectedly, so that the platform's handling of both can be observed.
 */
@Path("probe")
@RequestScoped
public class ErrorProbeResource {

    static final String SECRET = "connection string with s3cret";
    static final String REFUSAL = "Order 42 has shipped and can no longer be deleted";

    public record Order(@NotBlank @Size(max = 10) String displayName, @NotNull @Valid List<@Valid Line> lines) {
    }

    public record Line(@NotBlank String sku, @Min(1) int quantity) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Order echo(@QueryParam("max_lines") @Max(5) Integer maxLines, @Valid @NotNull Order order) {
        return order;
    }

    @DELETE
    public void refuse() {
        throw new ClientErrorException(REFUSAL, Response.Status.CONFLICT);
    }

    @GET
    @Path("invalid-result")
    @Produces(MediaType.APPLICATION_JSON)
    @Valid
    public Order invalidResult() {
        return new Order("", List.of());
    }

    @GET
    @Path("failure")
    public String fail() {
        throw new IllegalStateException("probe failure: " + SECRET);
    }

    @ApplicationPath("/api")
    public static class ProbeApplication extends Application {
    }
}
