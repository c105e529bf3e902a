package org.orderplatform.platform.web;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.orderplatform.platform.web.body.JsonBody;
import org.orderplatform.platform.web.problem.ProblemDetails;

/**
 * Documents the platform's error responses on every operation, so that resources need not repeat them: a
 * {@code Problem} schema, and {@code application/problem+json} responses for what any such operation can answer
 * - 500 always; 400, 413, 415 and 422 where there is a request body; 400 and 422 where there are parameters
 * (see docs/errors.md, input limits); 401 and 403 where a token is required; 404 where the path names a resource.
 * Responses an operation documents itself are kept.
 */
public class ProblemResponsesOpenApiFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        components.addSchema("Problem", problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, List<String>> scopes = oauthScopes(components);
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values()
                .forEach(operation -> document(path, operation, scopes)));
    }

    /** The scope names each OAuth2 scheme's password flow declares. */
    private static Map<String, List<String>> oauthScopes(Components components) {
        Map<String, List<String>> scopes = new java.util.HashMap<>();
        if (components.getSecuritySchemes() != null) {
            components.getSecuritySchemes().forEach((name, scheme) -> {
                if (scheme.getFlows() != null && scheme.getFlows().getPassword() != null
                        && scheme.getFlows().getPassword().getScopes() != null) {
                    scopes.put(name, List.copyOf(scheme.getFlows().getPassword().getScopes().keySet()));
                }
            });
        }
        return scopes;
    }

    private static void document(String path, Operation operation, Map<String, List<String>> scopes) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        add(responses, "500", "Unexpected failure; only the request id is revealed");
        // Every operation: the query string and Accept are checked whether the operation declares parameters or not.
        String malformedRequest = "The query string is not percent-encoded UTF-8, or Accept is malformed";
        add(responses, "400", operation.getRequestBody() == null ? malformedRequest
                : "The body is not UTF-8 JSON, or nests deeper than " + JsonBody.MAX_DEPTH + " levels. "
                + malformedRequest);
        if (operation.getRequestBody() != null) {
            add(responses, "413", "The body is larger than the limit");
            add(responses, "415", "The body is not application/json");
            add(responses, "422", "Invalid or unknown fields, or beyond the input limits; see errors");
        }
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            add(responses, "422", "Invalid parameters, or beyond the input limits; see errors");
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            operation.getSecurity().forEach(requirement -> listScopes(requirement, scopes));
            add(responses, "401", "No valid access token");
            add(responses, "403", "The caller's roles do not allow this");
        }
        if (path.contains("{")) {
            add(responses, "404", "No such resource");
        }
    }

    /** A requirement of an OAuth2 scheme names the scopes it needs: all the scheme has (one, "api"). */
    private static void listScopes(SecurityRequirement requirement, Map<String, List<String>> scopes) {
        List.copyOf(requirement.getSchemes().keySet()).forEach(scheme -> {
            List<String> listed = requirement.getScheme(scheme);
            if (listed == null || listed.isEmpty()) {
                requirement.addScheme(scheme, scopes.getOrDefault(scheme, List.of()));
            }
        });
    }

    private static void add(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(ProblemDetails.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        responses.addAPIResponse(status, response);
    }

    private static Schema problemSchema() {
        Schema fieldError = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .properties(Map.of("field", string("The field as the client named it, e.g. items[0].sku"),
                        "message", string("What is wrong with it")));
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", string("Problem type: about:blank or /problems/..."),
                        "title", string("Short summary of the problem type"),
                        "status", OASFactory.createSchema().addType(SchemaType.INTEGER).description("HTTP status"),
                        "detail", string("What went wrong this time"),
                        "instance", string("The request path"),
                        "request_id", string("Same as the X-Request-ID header and in the server logs"),
                        "errors", OASFactory.createSchema().addType(SchemaType.ARRAY).items(fieldError)
                                .description("Field errors of a validation problem")));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
