package org.orderplatform.auth;

import java.util.List;
import java.util.Map;
import org.orderplatform.platform.web.ProblemException;
import org.orderplatform.platform.web.ProblemType;

/** The refusals of the authentication feature (see docs/errors.md); password and account refusals are user's. */
public enum AuthProblem implements ProblemType {
    INVALID_REFRESH_TOKEN("/problems/invalid-refresh-token", "Invalid refresh token", 401),
    TOO_MANY_LOGIN_ATTEMPTS("/problems/too-many-login-attempts", "Too many login attempts", 429),
    TOO_MANY_REGISTRATIONS("/problems/too-many-registrations", "Too many registrations", 429),
    THROTTLING_UNAVAILABLE("/problems/throttling-unavailable", "Throttling state unavailable", 503);

    private final String uri;
    private final String title;
    private final int status;

    AuthProblem(String uri, String title, int status) {
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

    /** This problem, telling the client in how many seconds to try again (Retry-After). */
    public ProblemException exception(String detail, long retryAfterSeconds) {
        return new ProblemException(status, uri, title, detail, List.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }
}
