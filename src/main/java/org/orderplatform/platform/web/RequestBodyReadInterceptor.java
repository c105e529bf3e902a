package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads request bodies for the API's record DTOs and marks what goes wrong as the client's doing:
 * <ul>
 *   <li>no body at all gives {@code null} (a required body is then a 422 on {@code body});</li>
 *   <li>members the record does not have are refused with 422, one error per member;</li>
 *   <li>a body that cannot be parsed becomes {@link UnreadableBodyException}: 400, or 413 when it outgrew
 *       the limit.</li>
 * </ul>
 * Failures anywhere else stay server errors.
 */
@Provider
@ApplicationScoped
public class RequestBodyReadInterceptor implements ReaderInterceptor {

    static final String NOT_A_FIELD = "is not a field of this request";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            if (!UnknownFields.isRecord(context.getGenericType())) {
                return context.proceed();
            }
            byte[] body = context.getInputStream().readAllBytes();
            if (body.length == 0) {
                return null;
            }
            List<String> unknown = UnknownFields.in(parse(body), context.getGenericType());
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(unknown.stream()
                        .map(field -> new ProblemDetails.FieldError(field, NOT_A_FIELD)).toList());
            }
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        } catch (WebApplicationException | ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof RequestBodyTooLargeException tooLarge) {
                    throw new UnreadableBodyException(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), e);
                }
            }
            throw new UnreadableBodyException(ProblemType.MALFORMED_BODY,
                    "The request body is not valid JSON for this operation", e);
        }
    }

    private static JsonValue parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readValue();
        }
    }
}
