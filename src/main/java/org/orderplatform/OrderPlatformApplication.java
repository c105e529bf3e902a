package org.orderplatform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The REST API root: every resource lives under {@code /api}. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(
        title = "Order Platform API",
        version = "0.1.0",
        description = "Order management REST API. Every error is an RFC 9457 problem "
                + "(application/problem+json) with type, title, status, detail, instance and request_id; "
                + "validation errors add a list of {field, message}.",
        license = @License(name = "Apache-2.0")))
public class OrderPlatformApplication extends Application {
}
