package org.orderplatform.order;

import org.orderplatform.platform.web.problem.ProblemType;

/** The refusals of the order feature that have a type of their own (see docs/errors.md); a missing order is a 404. */
public final class OrderProblem {

    public static final ProblemType PRECONDITION_REQUIRED =
            new ProblemType("/problems/precondition-required", "Precondition Required", 428);
    public static final ProblemType VERSION_MISMATCH =
            new ProblemType("/problems/version-mismatch", "Precondition Failed", 412);
    public static final ProblemType ORDER_STATE =
            new ProblemType("/problems/order-state", "Order state does not allow this", 409);
    public static final ProblemType IDEMPOTENCY_KEY_REUSED =
            new ProblemType("/problems/idempotency-key-reused", "Idempotency key reused", 422);
    public static final ProblemType IDEMPOTENT_ORDER_GONE =
            new ProblemType("/problems/idempotent-order-gone", "Order no longer exists", 409);
    public static final ProblemType TOO_MANY_STREAMS =
            new ProblemType("/problems/too-many-streams", "Too many live streams", 429);

    private OrderProblem() {
    }
}
