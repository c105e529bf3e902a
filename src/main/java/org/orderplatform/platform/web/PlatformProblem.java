package org.orderplatform.platform.web;

/** The problem types the platform itself produces; each feature declares its own the same way (see docs/errors.md). */
public enum PlatformProblem implements ProblemType {
    VALIDATION("/problems/validation", "Request validation failed", 422),
    MALFORMED_BODY("/problems/malformed-body", "Malformed request body", 400),
    MALFORMED_QUERY("/problems/malformed-query", "Malformed query string", 400),
    PAYLOAD_TOO_LARGE("/problems/payload-too-large", "Request body too large", 413),
    CORS_ORIGIN_REJECTED("/problems/cors-origin-rejected", "Origin not allowed", 403),
    INTERNAL_ERROR("/problems/internal-error", "Internal server error", 500);

    private final String uri;
    private final String title;
    private final int status;

    PlatformProblem(String uri, String title, int status) {
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
}
