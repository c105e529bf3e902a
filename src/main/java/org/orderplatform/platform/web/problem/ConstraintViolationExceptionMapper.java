package org.orderplatform.platform.web.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderplatform.platform.web.json.WireNames;

/**
 * Bean Validation failures on request input: 422 with one {@code {field, message}} per violation. A violated
 * constraint on a return value is a bug of ours, not the client's: 500.
 */
@Provider
@ApplicationScoped
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    public static final String BODY = "body";

    @Context
    HttpServletRequest request;

    @Inject
    Problems problems;

    @Inject
    Logger log;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        if (exception.getConstraintViolations().stream().anyMatch(ConstraintViolationExceptionMapper::isOnResult)) {
            log.log(Level.SEVERE, "A response broke its own constraints", exception);
            return problems.response(problems.of(PlatformProblem.INTERNAL_ERROR, Problems.INTERNAL_ERROR_DETAIL,
                    request, List.of())).build();
        }
        List<ProblemDetails.FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new ProblemDetails.FieldError(fieldName(violation), violation.getMessage()))
                .sorted(Comparator.comparing(ProblemDetails.FieldError::field))
                .toList();
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return problems.response(problems.of(PlatformProblem.VALIDATION, detail, request, errors)).build();
    }

    private static boolean isOnResult(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's name for the invalid value: the property path inside the body ({@code items[1].sku}), the
     * name of the query/path/header parameter, or {@code body} for the body as a whole - never the Java method
     * or argument position.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder name = new StringBuilder();
        String parameter = BODY;
        Method method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD) {
                method = find(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
            } else if (kind == ElementKind.PARAMETER) {
                parameter = requestName(method, node.as(Path.ParameterNode.class).getParameterIndex());
            } else {
                // The index of an element belongs to the collection named before it: lines[1].sku
                if (node.isInIterable() && !name.isEmpty()) {
                    name.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (kind == ElementKind.PROPERTY && node.getName() != null) {
                    name.append(name.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return name.isEmpty() ? parameter : WireNames.of(name.toString());
    }

    private static Method find(Class<?> type, Path.MethodNode node) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(node.getName(), node.getParameterTypes().toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                // declared further up (the root bean may be a CDI subclass)
            }
        }
        return null;
    }

    /** The name the client used for a parameter; an unannotated resource parameter is the request body. */
    private static String requestName(Method method, int index) {
        if (method == null) {
            return BODY;
        }
        for (Annotation annotation : method.getParameterAnnotations()[index]) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof HeaderParam header) {
                return header.value();
            } else if (annotation instanceof FormParam form) {
                return form.value();
            } else if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            } else if (annotation instanceof MatrixParam matrix) {
                return matrix.value();
            }
        }
        return BODY;
    }
}
