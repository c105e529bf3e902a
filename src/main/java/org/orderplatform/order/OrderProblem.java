package org.orderplatform.order;

import java.util.List;
import java.util.Map;
import org.orderplatform.platform.web.ProblemException;
import org.orderplatform.platform.web.ProblemType;

/** The refusals of the order feature that have a type of their own (see docs/errors.md); a missing order is a 404. */
public enum OrderProblem implements ProblemType {
    PRECONDITION_REQUIRED("/problems/precondition-required", "Precondition Required", 428),
    VERSION_MISMATCH("/problems/version-mismatch", "Precondition Failed", 412),
    ORDER_STATE("/problems/order-state", "Order state does not allow this", 409),
    IDEMPOTENCY_KEY_REUSED("/problems/idempotency-key-reused", "Idempotency key reused", 422),
    IDEMPOTENT_ORDER_GONE("/problems/idempotent-order-gone", "Order no longer exists", 409),
    TOO_MANY_STREAMS("/problems/too-many-streams", "Too many live streams", 429);

    private final String uri;
    private final String title;
    private final int status;

    OrderProblem(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }

    /** This problem with response headers, such as the Retry-After of a refusal the client may try again later. */
    public ProblemException exception(String detail, Map<String, String> headers) {
        return new ProblemException(status, uri, title, detail, List.of(), headers);
    }
}
