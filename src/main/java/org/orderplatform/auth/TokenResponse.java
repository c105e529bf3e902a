package org.orderplatform.auth;

/** RFC 6749 token response: {@code access_token}, {@code token_type}, {@code expires_in}, plus the refresh token. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    static TokenResponse bearer(String accessToken, long expiresIn, String refreshToken) {
        return new TokenResponse(accessToken, "bearer", expiresIn, refreshToken);
    }
}
