package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.authorized;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.Accounts.postJson;
import static org.orderplatform.testsupport.Accounts.tokens;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;

/** Refresh-token rotation, reuse detection and logout. */
class TokenLifecycleIT {

    /** REFRESH_REUSE_GRACE_SECONDS of the test server (pom.xml). */
    static final int GRACE_SECONDS = 5;

    @Test
    void shouldRotateRefreshTokenFromBody() {
        JsonObject first = login();

        HttpResponse<String> response = refreshWithBody(first.getString("refresh_token"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject second = Api.json(response);
        assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
        assertThat(second.getString("access_token")).isNotEqualTo(first.getString("access_token"));
        assertThat(me(second.getString("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRotateRefreshTokenFromCookieWithoutBody() {
        JsonObject first = login();

        HttpResponse<String> response = Api.send(Api.request("/api/auth/refresh")
                .header("Cookie", "refresh_token=" + first.getString("refresh_token"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Set-Cookie")).get().asString()
                .startsWith("refresh_token=" + Api.json(response).getString("refresh_token"));
    }

    @Test
    void shouldRevokeWholeSessionWhenAnOlderRotatedTokenIsReused() {
        JsonObject first = login();
        String stolen = first.getString("refresh_token");
        JsonObject second = Api.json(refreshWithBody(stolen));
        JsonObject third = Api.json(refreshWithBody(second.getString("refresh_token")));

        JsonObject reuse = assertProblem(refreshWithBody(stolen), 401, "/api/auth/refresh");

        assertThat(reuse.getString("type")).isEqualTo("/problems/invalid-refresh-token");
        assertProblem(refreshWithBody(third.getString("refresh_token")), 401, "/api/auth/refresh");
        assertProblem(me(third.getString("access_token")), 401, "/api/users/me");
    }

    @Test
    void shouldAnswerARetriedRefreshWithTheSamePairWithinTheGracePeriod() {
        String first = login().getString("refresh_token");
        HttpResponse<String> lost = refreshWithBody(first);

        HttpResponse<String> retried = refreshWithBody(first);

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        JsonObject pair = Api.json(lost);
        assertThat(Api.json(retried).getString("refresh_token")).isEqualTo(pair.getString("refresh_token"));
        assertThat(Api.json(retried).getString("access_token")).isEqualTo(pair.getString("access_token"));
        assertThat(me(pair.getString("access_token")).statusCode()).isEqualTo(200);
        assertThat(refreshWithBody(pair.getString("refresh_token")).statusCode())
                .as("the session goes on").isEqualTo(200);
    }

    @Test
    void shouldRevokeTheSessionWhenTheRotatedTokenComesBackAfterTheGracePeriod() throws InterruptedException {
        String first = login().getString("refresh_token");
        String current = Api.json(refreshWithBody(first)).getString("refresh_token");

        Thread.sleep((GRACE_SECONDS + 1) * 1000L);

        assertProblem(refreshWithBody(first), 401, "/api/auth/refresh");
        assertProblem(refreshWithBody(current), 401, "/api/auth/refresh");
    }

    @Test
    void shouldRevokeTheSessionWhenAGuessedSecretNamesIt() {
        String token = login().getString("refresh_token");
        String guessed = token.substring(0, token.indexOf('.') + 1) + "guessed-secret";

        assertProblem(refreshWithBody(guessed), 401, "/api/auth/refresh");

        assertProblem(refreshWithBody(token), 401, "/api/auth/refresh");
    }

    @Test
    void shouldRefuseUnknownAndMissingRefreshTokens() {
        assertProblem(refreshWithBody("00000000-0000-0000-0000-000000000000.nope"), 401, "/api/auth/refresh");
        assertProblem(refreshWithBody("garbage"), 401, "/api/auth/refresh");
        assertProblem(postJson("/api/auth/refresh", "{}"), 401, "/api/auth/refresh");
    }

    @Test
    void shouldEndSessionAndAccessTokenAtLogout() {
        JsonObject session = login();
        String access = session.getString("access_token");

        HttpResponse<String> logout = Api.send(authorized("/api/auth/logout", access)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(logout.statusCode()).isEqualTo(204);
        HttpResponse<String> afterwards = me(access);
        assertProblem(afterwards, 401, "/api/users/me");
        assertThat(afterwards.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertProblem(refreshWithBody(session.getString("refresh_token")), 401, "/api/auth/refresh");
    }

    @Test
    void shouldEndEarlierAccessTokensOfTheSessionAtLogout() {
        JsonObject first = login();
        JsonObject second = Api.json(refreshWithBody(first.getString("refresh_token")));

        Api.send(authorized("/api/auth/logout", second.getString("access_token"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertProblem(me(first.getString("access_token")), 401, "/api/users/me");
    }

    @Test
    void shouldNotLetTheSessionIdFromAnAccessTokenEndTheSession() throws Exception {
        JsonObject session = login();
        String sid = SignedJWT.parse(session.getString("access_token")).getJWTClaimsSet().getStringClaim("sid");

        assertProblem(refreshWithBody(sid + ".guessed-secret"), 401, "/api/auth/refresh");

        assertThat(refreshWithBody(session.getString("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldKeepOtherSessionsOfTheUserAfterLogout() {
        JsonObject user = newUser("two-devices");
        JsonObject laptop = tokens(user.getString("email"), PASSWORD);
        JsonObject phone = tokens(user.getString("email"), PASSWORD);

        Api.send(authorized("/api/auth/logout", laptop.getString("access_token"))
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(me(phone.getString("access_token")).statusCode()).isEqualTo(200);
        assertThat(refreshWithBody(phone.getString("refresh_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRequireTokenToLogOut() {
        HttpResponse<String> response = Api.send(Api.request("/api/auth/logout")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 401, "/api/auth/logout");
    }

    private static JsonObject login() {
        return tokens(newUser("session").getString("email"), PASSWORD);
    }

    private static HttpResponse<String> refreshWithBody(String refreshToken) {
        return postJson("/api/auth/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private static HttpResponse<String> me(String accessToken) {
        return Api.send(authorized("/api/users/me", accessToken).GET());
    }
}
