package org.orderplatform.platform.web.body;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.orderplatform.platform.Causes;
import org.orderplatform.platform.web.problem.PlatformProblem;
import org.orderplatform.platform.web.problem.ProblemDetails;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * Reads request bodies for the API's record DTOs and marks what goes wrong as the client's doing:
 * <ul>
 *   <li>no body at all gives {@code null} (a required body is then a 422 on {@code body});</li>
 *   <li>members the record does not have, values of the wrong JSON type, control characters in text and
 *       numbers too long to parse safely are refused with 422, one error per field ({@link JsonBody},
 *       {@link BodyShape});</li>
 *   <li>a body that cannot be parsed (not UTF-8, not JSON, nested too deep) becomes
 *       {@link UnreadableBodyException}: 400, or 413 when it outgrew the limit.</li>
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
            JsonBody.Parsed json = JsonBody.parse(body);
            List<ProblemDetails.FieldError> problems = new ArrayList<>(json.problems());
            problems.addAll(BodyShape.problems(json.value(), context.getGenericType()));
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems);
            }
            context.setInputStream(new ByteArrayInputStream(body));
            return context.proceed();
        } catch (WebApplicationException | ProblemException | UnreadableBodyException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Optional<RequestBodyTooLargeException> tooLarge = Causes.find(e, RequestBodyTooLargeException.class);
            if (tooLarge.isPresent()) {
                throw new UnreadableBodyException(PlatformProblem.PAYLOAD_TOO_LARGE, tooLarge.get().getMessage(), e);
            }
            throw new UnreadableBodyException(PlatformProblem.MALFORMED_BODY,
                    "The request body is not valid JSON for this operation", e);
        }
    }
}
