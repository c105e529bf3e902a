package org.orderplatform.auth;

import org.orderplatform.platform.web.problem.ProblemType;

/** The refusals of the authentication feature (see docs/errors.md); password and account refusals are user's. */
public final class AuthProblem {

    public static final ProblemType INVALID_REFRESH_TOKEN =
            new ProblemType("/problems/invalid-refresh-token", "Invalid refresh token", 401);
    public static final ProblemType TOO_MANY_LOGIN_ATTEMPTS =
            new ProblemType("/problems/too-many-login-attempts", "Too many login attempts", 429);
    public static final ProblemType TOO_MANY_REGISTRATIONS =
            new ProblemType("/problems/too-many-registrations", "Too many registrations", 429);
    public static final ProblemType THROTTLING_UNAVAILABLE =
            new ProblemType("/problems/throttling-unavailable", "Throttling state unavailable", 503);

    private AuthProblem() {
    }
}
