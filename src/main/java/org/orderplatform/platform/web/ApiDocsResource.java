package org.orderplatform.platform.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /api/docs}: where the seed API served its interactive docs; now the OpenAPI UI. */
@Path("docs")
public class ApiDocsResource {

    static final String OPENAPI_UI = "/openapi/ui/";

    // A convenience redirect, not an operation of the API: kept out of the OpenAPI document.
    @GET
    @Operation(hidden = true)
    public Response docs(@Context UriInfo uri) {
        return Response.seeOther(uri.getBaseUri().resolve(OPENAPI_UI)).build();
    }
}
