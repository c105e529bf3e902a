package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.authorized;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.Accounts.sendJson;
import static org.orderplatform.testsupport.Accounts.superuserToken;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.user.PasswordHasher;

class LoginIT {

    @Test
    void shouldIssueBearerTokensAndRefreshCookie() {
        JsonObject user = newUser("login");

        HttpResponse<String> response = login(user.getString("email"), PASSWORD);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject tokens = Api.json(response);
        assertThat(tokens.getString("token_type")).isEqualTo("bearer");
        assertThat(tokens.getInt("expires_in")).isEqualTo(900);
        assertThat(tokens.getString("access_token").split("\\.")).hasSize(3);
        assertThat(tokens.getString("refresh_token")).isNotBlank();
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("refresh_token=" + tokens.getString("refresh_token"))
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/api/auth");
        HttpResponse<String> me = Api.send(authorized("/api/users/me", tokens.getString("access_token")).GET());
        assertThat(Api.json(me).getString("email")).isEqualTo(user.getString("email"));
    }

    @Test
    void shouldAcceptFormLoginAsTheOpenApiUiSendsIt() {
        JsonObject user = newUser("form");
        String form = "username=" + user.getString("email").replace("@", "%40") + "&password=" + PASSWORD
                + "&grant_type=password&scope=";

        HttpResponse<String> response = Api.send(Api.request("/api/auth/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Api.json(response).getString("access_token")).isNotBlank();
    }

    @Test
    void shouldAnswerUnknownEmailAndWrongPasswordAlike() {
        JsonObject user = newUser("alike");

        JsonObject wrongPassword = assertProblem(login(user.getString("email"), "Wrong-Pass-123"), 401,
                "/api/auth/login");
        JsonObject unknownEmail = assertProblem(login("nobody-" + user.getString("email"), PASSWORD), 401,
                "/api/auth/login");

        for (String member : new String[] {"type", "title", "detail", "status"}) {
            assertThat(unknownEmail.get(member)).as(member).isEqualTo(wrongPassword.get(member));
        }
    }

    @Test
    void shouldRefuseDeactivatedAccountWith403OnlyWithTheRightPassword() {
        JsonObject user = newUser("inactive");
        JsonObject before = Accounts.tokens(user.getString("email"), PASSWORD);
        HttpResponse<String> deactivated = sendJson(authorized("/api/users/" + user.getInt("id"), superuserToken()),
                "PATCH", "{\"is_active\":false}");
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        JsonObject refused = assertProblem(login(user.getString("email"), PASSWORD), 403, "/api/auth/login");
        assertThat(refused.getString("type")).isEqualTo("/problems/account-disabled");
        assertProblem(login(user.getString("email"), "Wrong-Pass-123"), 401, "/api/auth/login");
        assertProblem(Api.send(authorized("/api/users/me", before.getString("access_token")).GET()), 401,
                "/api/users/me");
        assertProblem(Accounts.postJson("/api/auth/refresh", "{\"refresh_token\":\""
                + before.getString("refresh_token") + "\"}"), 401, "/api/auth/refresh");
    }

    @Test
    void shouldRehashPasswordMadeWithOldParametersAtLogin() throws SQLException {
        JsonObject user = newUser("rehash");
        String weak = new PasswordHasher().hash(PASSWORD, new byte[16], 4096, 1, 1);
        setPasswordHash(user.getString("email"), weak);

        assertThat(login(user.getString("email"), PASSWORD).statusCode()).isEqualTo(200);

        assertThat(passwordHash(user.getString("email")))
                .isNotEqualTo(weak)
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(login(user.getString("email"), PASSWORD).statusCode()).isEqualTo(200);
    }

    private static void setPasswordHash(String email, String hash) throws SQLException {
        assertThat(Database.update("UPDATE users SET password_hash = ? WHERE email = ?", hash, email)).isEqualTo(1);
    }

    private static String passwordHash(String email) throws SQLException {
        return Database.queryString("SELECT password_hash FROM users WHERE email = ?", email);
    }
}
