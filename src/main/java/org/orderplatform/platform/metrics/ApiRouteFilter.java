package org.orderplatform.platform.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.orderplatform.platform.web.ApiPaths;

/**
 * Tells {@link ApiRequestMetrics} which route a request matched: the route template
 * ({@code /api/orders/{id}/cancel}) built from the {@code @Path}s of the resource class and method, never the
 * requested path, so that the metric's {@code route} label has one value per operation. Runs right after matching,
 * before authentication, so that a 401 or 403 is counted under its route too.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 100)
public class ApiRouteFilter implements ContainerRequestFilter {

    private final Map<Method, String> templates = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        Method method = resource.getResourceMethod();
        if (method != null) {
            request.setAttribute(ApiRequestMetrics.ROUTE_ATTRIBUTE,
                    templates.computeIfAbsent(method, key -> template(resource.getResourceClass(), key)));
        }
    }

    /** {@code /api} + the class' {@code @Path} + the method's, as one normalised template. */
    static String template(Class<?> resourceClass, Method method) {
        Path methodPath = method.getAnnotation(Path.class);
        String methodTemplate = methodPath == null ? "" : methodPath.value();
        return normalise(ApiPaths.ROOT + "/" + pathOf(resourceClass) + "/" + methodTemplate);
    }

    /** The class' {@code @Path}: on the class itself or, for a CDI proxy subclass, on a superclass. */
    private static String pathOf(Class<?> resourceClass) {
        for (Class<?> type = resourceClass; type != null; type = type.getSuperclass()) {
            Path path = type.getAnnotation(Path.class);
            if (path != null) {
                return path.value();
            }
        }
        return "";
    }

    /** One slash between segments, none at the end, and {@code {id: [0-9]+}} written as {@code {id}}. */
    static String normalise(String template) {
        String path = template.replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
