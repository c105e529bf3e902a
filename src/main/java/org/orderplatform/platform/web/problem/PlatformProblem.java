package org.orderplatform.platform.web.problem;

/** The problem types the platform itself produces; each feature declares its own the same way (see docs/errors.md). */
public final class PlatformProblem {

    public static final ProblemType VALIDATION =
            new ProblemType("/problems/validation", "Request validation failed", 422);
    public static final ProblemType MALFORMED_BODY =
            new ProblemType("/problems/malformed-body", "Malformed request body", 400);
    public static final ProblemType MALFORMED_QUERY =
            new ProblemType("/problems/malformed-query", "Malformed query string", 400);
    public static final ProblemType PAYLOAD_TOO_LARGE =
            new ProblemType("/problems/payload-too-large", "Request body too large", 413);
    public static final ProblemType CORS_ORIGIN_REJECTED =
            new ProblemType("/problems/cors-origin-rejected", "Origin not allowed", 403);
    public static final ProblemType TRY_AGAIN =
            new ProblemType("/problems/try-again", "Try again", 503);
    public static final ProblemType CONCURRENT_UPDATE =
            new ProblemType("/problems/concurrent-update", "Concurrent update", 409);
    public static final ProblemType DATABASE_UNAVAILABLE =
            new ProblemType("/problems/database-unavailable", "Database unavailable", 503);
    public static final ProblemType INTERNAL_ERROR =
            new ProblemType("/problems/internal-error", "Internal server error", 500);

    private PlatformProblem() {
    }
}
