package org.orderplatform.platform.web.paging;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The {@code page} and {@code size} query parameters of a list operation ({@code @BeanParam}). Taken as text and
 * checked by {@link Paging}: a number JAX-RS failed to convert would be a 404, and one it converted could overflow.
 */
public class PageParameters {

    @QueryParam("page")
    @DefaultValue("1")
    @Parameter(description = "Page number, from 1", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + Paging.MAX_PAGE, defaultValue = "1"))
    String page;

    @QueryParam("size")
    @DefaultValue("20")
    @Parameter(description = "Items per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
            maximum = "" + Paging.MAX_SIZE, defaultValue = "20"))
    String size;

    /** The page asked for; 422 when there is none such. */
    public Paging paging() {
        return Paging.of(page, size);
    }
}
