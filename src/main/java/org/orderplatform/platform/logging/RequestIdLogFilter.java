package org.orderplatform.platform.logging;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.orderplatform.platform.web.RequestIds;

/** Prefixes each record logged while a request is processed with {@code [request_id=...]}. */
class RequestIdLogFilter implements Filter {

    static final String PREFIX = "[request_id=";

    @Override
    public boolean isLoggable(LogRecord logRecord) {
        RequestIds.current().ifPresent(id -> {
            String message = logRecord.getMessage();
            if (message == null || !message.startsWith(PREFIX)) {
                logRecord.setMessage(PREFIX + id + "] " + (message == null ? "" : message));
            }
        });
        return true;
    }
}
