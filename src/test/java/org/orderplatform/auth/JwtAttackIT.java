package org.orderplatform.auth;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Api.json;
import static org.orderplatform.testsupport.Api.request;
import static org.orderplatform.testsupport.Api.send;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.testsupport.Accounts;

/**
 * Forged, tampered and out-of-date access tokens against the real server: each must be refused with a 401 problem
 * and a Bearer challenge. Positive controls (a correctly minted token, one expired inside the 60 s clock skew)
 * prove the matrix does not pass merely because every hand-made token is refused.
 */
class JwtAttackIT {

    static final String ME = "/api/users/me";
    static final String USERS = "/api/users";
    static final String ISSUER = "order-platform";
    static final String AUDIENCE = "order-platform-api";

    static PrivateKey serverKey;
    static String publicPem;
    static String email;
    static long userId;
    static String userToken;

    @BeforeAll
    static void setUp() throws Exception {
        Path dir = Path.of(System.getProperty("it.services.dir"));
        serverKey = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(der(Files.readString(dir.resolve("jwt-private.pem")), "PRIVATE KEY")));
        publicPem = Files.readString(dir.resolve("jwt-public.pem"));
        JsonObject user = Accounts.newUser("jwt");
        email = user.getString("email");
        userId = user.getJsonNumber("id").longValue();
        userToken = Accounts.accessToken(email, Accounts.PASSWORD);
    }

    @Test
    void shouldAcceptRealTokenFromLogin() {
        assertAccepted(userToken);
    }

    @Test
    void shouldAcceptTokenMintedWithServerKeyAndCorrectClaims() throws Exception {
        assertAccepted(mint(validClaims().build(), serverKey));
    }

    @Test
    void shouldAcceptTokenExpiredWithinClockSkew() throws Exception {
        assertAccepted(mint(validClaims(-330, -30).build(), serverKey));
    }

    @ParameterizedTest(name = "alg={0}")
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void shouldRejectTokenWithAlgNone(String alg) throws Exception {
        String token = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(validClaims().build().toString())
                + ".";

        assertRejected(token);
    }

    @ParameterizedTest(name = "secret={0}")
    @ValueSource(strings = {"PEM", "DER"})
    void shouldRejectHs256TokenSignedWithServerPublicKey(String encoding) throws Exception {
        byte[] secret = encoding.equals("PEM") ? publicPem.getBytes(UTF_8) : der(publicPem, "PUBLIC KEY");

        assertRejected(mint(validClaims().build(), new SecretKeySpec(secret, "HmacSHA256")));
    }

    @Test
    void shouldRejectRealTokenWithSignatureStripped() {
        assertRejected(userToken.substring(0, userToken.lastIndexOf('.') + 1));
    }

    @Test
    void shouldRejectRealTokenWithEditedGroups() throws Exception {
        assertRejected(tamper(userToken, claims -> claims.claim("groups", List.of("user", "admin"))));
    }

    @Test
    void shouldRejectRealTokenWithEditedSubject() throws Exception {
        assertRejected(tamper(userToken, claims -> claims.subject(Long.toString(userId + 1))));
    }

    @Test
    void shouldRejectTokenSignedWithForeignRsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);

        assertRejected(mint(validClaims().build(), generator.generateKeyPair().getPrivate()));
    }

    @Test
    void shouldRejectTokenExpiredBeyondClockSkew() throws Exception {
        assertRejected(mint(validClaims(-600, -120).build(), serverKey));
    }

    @Test
    void shouldRejectTokenNotYetValidBeyondClockSkew() throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = validClaims().notBeforeTime(Date.from(now.plusSeconds(300)))
                .expirationTime(Date.from(now.plusSeconds(900))).build();

        assertRejected(mint(claims, serverKey));
    }

    @Test
    void shouldRejectTokenWithWrongIssuer() throws Exception {
        assertRejected(mint(validClaims().issuer("someone-else").build(), serverKey));
    }

    @Test
    void shouldRejectTokenWithWrongAudience() throws Exception {
        assertRejected(mint(validClaims().audience("another-api").build(), serverKey));
    }

    @Test
    void shouldRejectTokenWithoutAudience() throws Exception {
        JWTClaimsSet claims = validClaims().claim("aud", null).build();
        assertThat(claims.getAudience()).isEmpty();

        assertRejected(mint(claims, serverKey));
    }

    @Test
    void shouldGrantAdminEndpointToRealSuperuserToken() {
        String token = Accounts.superuserToken();

        assertThat(get(USERS, token).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldForbidAdminEndpointToCorrectlySignedUserToken() throws Exception {
        HttpResponse<String> response = get(USERS, mint(validClaims().build(), serverKey));

        assertProblem(response, 403, USERS);
    }

    @Test
    void shouldRejectUserTokenWithForgedAdminGroupOnAdminEndpoint() throws Exception {
        String forged = tamper(userToken, claims -> claims.claim("groups", List.of("user", "admin")));

        HttpResponse<String> response = get(USERS, forged);

        assertBearerChallenge(response);
        assertProblem(response, 401, USERS);
    }

    /** Correct claims for the registered user, valid from now for 300 s. */
    static JWTClaimsSet.Builder validClaims() throws Exception {
        return validClaims(0, 300);
    }

    /** Correct claims for the registered user; iat/nbf and exp are offsets in seconds from now. */
    static JWTClaimsSet.Builder validClaims(long issuedAt, long expiresAt) throws Exception {
        Instant now = Instant.now();
        String session = SignedJWT.parse(userToken).getJWTClaimsSet().getStringClaim(AccessTokens.SESSION_CLAIM);
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(Long.toString(userId))
                .claim("upn", email)
                .claim("groups", List.of(Roles.USER))
                .claim(AccessTokens.SESSION_CLAIM, session)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.plusSeconds(issuedAt)))
                .notBeforeTime(Date.from(now.plusSeconds(issuedAt)))
                .expirationTime(Date.from(now.plusSeconds(expiresAt)));
    }

    /** Signs the claims: RS256 with a private key, HS256 with any other (secret) key. */
    static String mint(JWTClaimsSet claims, Key key) throws Exception {
        boolean rsa = key instanceof PrivateKey;
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(rsa ? JWSAlgorithm.RS256 : JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT).build(), claims);
        token.sign(rsa ? new RSASSASigner((PrivateKey) key) : new MACSigner(key.getEncoded()));
        return token.serialize();
    }

    /** The token with its payload edited, keeping the original header and signature. */
    static String tamper(String token, UnaryOperator<JWTClaimsSet.Builder> edit) throws Exception {
        String[] parts = token.split("\\.");
        JWTClaimsSet edited = edit.apply(new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())).build();
        String forged = parts[0] + "." + b64(edited.toString()) + "." + parts[2];
        assertThat(forged).isNotEqualTo(token);
        return forged;
    }

    static void assertAccepted(String token) {
        HttpResponse<String> response = get(ME, token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).getString("email")).isEqualTo(email);
    }

    static void assertRejected(String token) {
        HttpResponse<String> response = get(ME, token);

        assertBearerChallenge(response);
        assertProblem(response, 401, ME);
    }

    static void assertBearerChallenge(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
    }

    static HttpResponse<String> get(String path, String token) {
        return send(request(path).header("Authorization", "Bearer " + token).GET());
    }

    static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
    }

    static byte[] der(String pem, String label) {
        return Base64.getDecoder().decode(pem.replace("-----BEGIN " + label + "-----", "")
                .replace("-----END " + label + "-----", "").replaceAll("\\s", ""));
    }
}
