package org.orderplatform.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.user.User;

/**
 * Issues RS256 access tokens that mpJwt validates on every replica: issuer and audience as configured, the user id
 * as {@code sub}, the email as {@code upn}, roles in {@code groups} ({@code user}, plus {@code admin} for
 * superusers), a unique {@code jti} (so logout can deny it) and {@code sid}, the refresh session it belongs to.
 */
@ApplicationScoped
public class AccessTokens {

    public static final String SESSION_CLAIM = "sid";
    /** iat in milliseconds: revocations "before this moment" must not catch a token issued in the same second. */
    public static final String ISSUED_AT_MILLIS_CLAIM = "iat_ms";

    @Inject
    SigningKey signingKey;

    @Inject
    @ConfigProperty(name = "JWT_ISSUER")
    String issuer;

    @Inject
    @ConfigProperty(name = "JWT_AUDIENCE")
    String audience;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_TTL_SECONDS", defaultValue = "900")
    long lifetimeSeconds;

    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    /**
     * A token for the user, in the session known to clients by {@code sessionPublicId}, issued at {@code issuedAt}
     * (whole milliseconds) with the id {@code tokenId}. The same arguments give the same token (RS256 signatures
     * are deterministic): a refresh retried within its grace period gets the very token it lost.
     */
    String issue(User user, UUID sessionPublicId, Instant issuedAt, UUID tokenId) {
        Instant now = issuedAt;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(Long.toString(user.id()))
                .claim("upn", user.email())
                .claim("groups", user.isSuperuser() ? List.of(Roles.USER, Roles.ADMIN) : List.of(Roles.USER))
                .claim(SESSION_CLAIM, sessionPublicId.toString())
                .claim(ISSUED_AT_MILLIS_CLAIM, now.toEpochMilli())
                .jwtID(tokenId.toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            token.sign(new RSASSASigner(signingKey.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return token.serialize();
    }

    /** The session ({@code sid} claim) an access token belongs to. */
    public static Optional<UUID> sessionOf(JsonWebToken token) {
        Object sid = token.getClaim(SESSION_CLAIM);
        try {
            return sid == null ? Optional.empty() : Optional.of(UUID.fromString(sid.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
