package org.orderplatform.platform.web;

/** The problem types the platform itself produces; features add their own as they need them. */
public enum ProblemType {
    VALIDATION("/problems/validation", "Request validation failed", 422),
    MALFORMED_BODY("/problems/malformed-body", "Malformed request body", 400),
    MALFORMED_QUERY("/problems/malformed-query", "Malformed query string", 400),
    PAYLOAD_TOO_LARGE("/problems/payload-too-large", "Request body too large", 413),
    CORS_ORIGIN_REJECTED("/problems/cors-origin-rejected", "Origin not allowed", 403),
    INTERNAL_ERROR("/problems/internal-error", "Internal server error", 500);

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
