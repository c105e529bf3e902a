package org.orderplatform.platform.logging;

import com.ibm.websphere.logging.hpel.LogRecordContext;
import jakarta.servlet.ServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of the current request: taken from {@code X-Request-ID} when well-formed, generated otherwise.
 * It is kept as a request attribute and, while the request is handled, in Liberty's log record context: every log
 * record written on the request's thread - ours, a library's or Liberty's own - then carries it as the JSON field
 * {@code ext_requestId} (Liberty prefixes each extension with {@code ext_}), so one query finds all of a request.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    /** The log record extension; {@value #JSON_LOG_FIELD} in the JSON logs. */
    static final String LOG_EXTENSION = "requestId";
    public static final String JSON_LOG_FIELD = "ext_" + LOG_EXTENSION;
    static final String ATTRIBUTE = RequestIds.class.getName();
    /** Letters, digits and {@code . _ : -}, 1-128 chars: UUIDs, trace ids and the like; nothing that forges logs. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String acceptOrGenerate(String offered) {
        return offered != null && WELL_FORMED.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    public static String of(ServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    /** From now until {@link #unbind()}, the request has this id, and so has every log record of this thread. */
    static void bind(ServletRequest request, String id) {
        request.setAttribute(ATTRIBUTE, id);
        LogRecordContext.addExtension(LOG_EXTENSION, id);
    }

    static void unbind() {
        LogRecordContext.removeExtension(LOG_EXTENSION);
    }
}
