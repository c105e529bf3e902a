package org.orderplatform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.platform.web.ApiPaths;

/** The REST API root: every resource lives under {@code /api}. */
@ApplicationPath(ApiPaths.ROOT)
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({Roles.USER, Roles.ADMIN})
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token from POST /api/auth/login")
// Either scheme grants access: "password" is how the OpenAPI UI logs in (Authorize), "bearer" pastes a token.
@SecurityScheme(securitySchemeName = "password", type = SecuritySchemeType.OAUTH2,
        description = "Log in from the OpenAPI UI (Authorize) with email and password",
        flows = @OAuthFlows(password = @OAuthFlow(tokenUrl = "/api/auth/login",
                scopes = @OAuthScope(name = "api", description = "The whole API, within the user's roles"))))
@OpenAPIDefinition(info = @Info(
        title = "Order Platform API",
        version = "0.1.0",
        description = "Order management REST API. Every error is an RFC 9457 problem "
                + "(application/problem+json) with type, title, status, detail, instance and request_id; "
                + "validation errors add a list of {field, message}.",
        license = @License(name = "Apache-2.0")))
public class OrderPlatformApplication extends Application {
}
