package org.orderplatform.platform.web;

import jakarta.servlet.ServletRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of the current request: taken from {@code X-Request-ID} when well-formed, generated otherwise.
 * It is kept as a request attribute and, for log records, in a thread-local (see {@link #current()}).
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    static final String ATTRIBUTE = RequestIds.class.getName();
    /** Letters, digits and {@code . _ : -}, 1-128 chars: UUIDs, trace ids and the like; nothing that forges logs. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    // A thread-local because java.util.logging filters have no CDI context; the servlet request runs on one thread.
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private RequestIds() {
    }

    static String acceptOrGenerate(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    /** The id of the request being processed on this thread, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void bind(ServletRequest request, String id) {
        request.setAttribute(ATTRIBUTE, id);
        CURRENT.set(id);
    }

    static void unbind() {
        CURRENT.remove();
    }
}
