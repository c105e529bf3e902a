package org.orderplatform.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
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
 *   <li>members the record does not have, and values of the wrong JSON type, are refused with 422, one error
 *       per field ({@link BodyShape});</li>
 *   <li>a body that cannot be parsed becomes {@link UnreadableBodyException}: 400, or 413 when it outgrew
 *       the limit.</li>
 * </ul>
 * Failures anywhere else stay server errors.
 */
@Provider
@ApplicationScoped
public class RequestBodyReadInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            if (!BodyShape.isRecord(context.getGenericType())) {
                return context.proceed();
            }
            byte[] body = context.getInputStream().readAllBytes();
            if (body.length == 0) {
                return null;
            }
            List<ProblemDetails.FieldError> problems = BodyShape.problems(parse(body), context.getGenericType());
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
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

    /** One JSON value and nothing after it (a reader would quietly ignore trailing garbage). */
    private static JsonValue parse(byte[] body) {
        try (JsonParser parser = Json.createParser(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonParsingException("Unexpected content after the JSON value", parser.getLocation());
            }
            return value;
        }
    }
}
