package org.orderplatform.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.accessToken;
import static org.orderplatform.testsupport.Accounts.authorized;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.Accounts.sendJson;
import static org.orderplatform.testsupport.Accounts.superuserToken;
import static org.orderplatform.testsupport.Accounts.tokens;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;

class UsersIT {

    @Test
    void shouldChangeOwnNameWithoutPassword() {
        JsonObject user = newUser("rename");
        String token = accessToken(user.getString("email"), PASSWORD);

        HttpResponse<String> response = sendJson(authorized("/api/users/me", token), "PATCH",
                "{\"full_name\":\"New Name\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Api.json(response).getString("full_name")).isEqualTo("New Name");
        assertThat(Api.json(get("/api/users/me", token)).getString("full_name")).isEqualTo("New Name");
    }

    @Test
    void shouldRequireCorrectCurrentPasswordForEmailAndPasswordChanges() {
        JsonObject user = newUser("sensitive");
        String token = accessToken(user.getString("email"), PASSWORD);
        String newEmail = Accounts.uniqueEmail("moved");

        assertThat(fields(assertProblem(patchMe(token, "{\"email\":\"" + newEmail + "\"}"), 422, "/api/users/me")))
                .containsExactly("current_password");
        assertProblem(patchMe(token, "{\"password\":\"Brand-New-Pass-7\",\"current_password\":\"Wrong-Pass-1\"}"),
                403, "/api/users/me");
        assertThat(login(user.getString("email"), PASSWORD).statusCode()).as("nothing changed").isEqualTo(200);

        HttpResponse<String> moved = patchMe(token, "{\"email\":\"" + newEmail + "\",\"password\":\"Brand-New-Pass-7\","
                + "\"current_password\":\"" + PASSWORD + "\"}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(login(newEmail, "Brand-New-Pass-7").statusCode()).isEqualTo(200);
        assertThat(login(user.getString("email"), PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldEndOtherSessionsWhenPasswordChanges() {
        JsonObject user = newUser("rotate");
        JsonObject other = tokens(user.getString("email"), PASSWORD);
        String token = accessToken(user.getString("email"), PASSWORD);

        assertThat(patchMe(token, "{\"password\":\"Brand-New-Pass-8\",\"current_password\":\"" + PASSWORD + "\"}")
                .statusCode()).isEqualTo(200);

        assertProblem(Accounts.postJson("/api/auth/refresh",
                "{\"refresh_token\":\"" + other.getString("refresh_token") + "\"}"), 401, "/api/auth/refresh");
    }

    @Test
    void shouldRefuseSelfPromotionAndChangeNothing() {
        JsonObject user = newUser("climber");
        String token = accessToken(user.getString("email"), PASSWORD);

        HttpResponse<String> response = patchMe(token,
                "{\"full_name\":\"Boss\",\"is_superuser\":true,\"is_active\":true,\"id\":1}");

        assertThat(fields(assertProblem(response, 422, "/api/users/me")))
                .containsExactlyInAnyOrder("is_superuser", "is_active", "id");
        JsonObject me = Api.json(get("/api/users/me", token));
        assertThat(me.getBoolean("is_superuser")).isFalse();
        assertThat(me.getString("full_name")).isNotEqualTo("Boss");
        assertThat(get("/api/users", accessToken(user.getString("email"), PASSWORD)).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseTakenEmailWith409() {
        JsonObject first = newUser("first");
        JsonObject second = newUser("second");
        String token = accessToken(second.getString("email"), PASSWORD);

        HttpResponse<String> response = patchMe(token, "{\"email\":\"" + first.getString("email").toUpperCase()
                + "\",\"current_password\":\"" + PASSWORD + "\"}");

        assertProblem(response, 409, "/api/users/me");
    }

    @Test
    void shouldListSearchAndPageUsersForSuperuser() {
        String tag = "pager" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            newUser(tag);
        }
        String admin = superuserToken();

        JsonObject page1 = Api.json(get("/api/users?q=" + tag.toUpperCase() + "&size=2&page=1", admin));
        JsonObject page2 = Api.json(get("/api/users?q=" + tag + "&size=2&page=2", admin));

        assertThat(page1.getInt("total")).isEqualTo(3);
        assertThat(page1.getInt("page")).isEqualTo(1);
        assertThat(page1.getInt("size")).isEqualTo(2);
        assertThat(page1.getJsonArray("items")).hasSize(2);
        assertThat(page2.getJsonArray("items")).hasSize(1);
        assertThat(emails(page1)).doesNotContainAnyElementsOf(emails(page2));
        assertThat(fields(assertProblem(get("/api/users?size=101", admin), 422, "/api/users")))
                .containsExactly("size");
        assertThat(fields(assertProblem(get("/api/users?page=0", admin), 422, "/api/users")))
                .containsExactly("page");
    }

    @Test
    void shouldLetSuperuserReadUpdateAndDeleteUsers() {
        JsonObject user = newUser("managed");
        String path = "/api/users/" + user.getInt("id");
        String admin = superuserToken();

        assertThat(Api.json(get(path, admin)).getString("email")).isEqualTo(user.getString("email"));
        HttpResponse<String> promoted = sendJson(authorized(path, admin), "PATCH",
                "{\"is_superuser\":true,\"full_name\":\"Promoted\"}");
        assertThat(Api.json(promoted).getBoolean("is_superuser")).isTrue();
        assertThat(get("/api/users", accessToken(user.getString("email"), PASSWORD)).statusCode())
                .as("the new token carries the admin group").isEqualTo(200);
        assertThat(fields(assertProblem(sendJson(authorized(path, admin), "PATCH", "{\"password\":\"x\"}"), 422, path)))
                .containsExactly("password");

        assertThat(Api.send(authorized(path, admin).DELETE()).statusCode()).isEqualTo(204);
        assertProblem(get(path, admin), 404, path);
        assertThat(login(user.getString("email"), PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRevokeTheTokensOfADemotedSuperuser() {
        JsonObject user = newUser("demoted");
        String path = "/api/users/" + user.getInt("id");
        String admin = superuserToken();
        sendJson(authorized(path, admin), "PATCH", "{\"is_superuser\":true}");
        String elevated = accessToken(user.getString("email"), PASSWORD);
        assertThat(get("/api/users", elevated).statusCode()).isEqualTo(200);

        sendJson(authorized(path, admin), "PATCH", "{\"is_superuser\":false}");

        assertProblem(get("/api/users", elevated), 401, "/api/users");
        assertThat(get("/api/users", accessToken(user.getString("email"), PASSWORD)).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldNotLetSuperuserDeleteThemself() {
        String admin = superuserToken();
        long selfId = Api.json(get("/api/users/me", admin)).getJsonNumber("id").longValue();

        assertProblem(Api.send(authorized("/api/users/" + selfId, admin).DELETE()), 409, "/api/users/" + selfId);
    }

    @Test
    void shouldForbidEveryAdminEndpointToNormalUsers() {
        JsonObject victim = newUser("victim");
        String token = accessToken(newUser("bfla").getString("email"), PASSWORD);
        String path = "/api/users/" + victim.getInt("id");

        for (HttpRequest.Builder request : List.of(authorized("/api/users", token).GET(),
                authorized(path, token).GET(),
                authorized(path, token).header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"is_superuser\":true}")),
                authorized(path, token).DELETE())) {
            HttpResponse<String> response = Api.send(request);
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).get().asString()
                    .startsWith("application/problem+json");
        }
        assertThat(login(victim.getString("email"), PASSWORD).statusCode()).as("victim untouched").isEqualTo(200);
    }

    @Test
    void shouldAskForBearerTokenOnEveryProtectedEndpoint() {
        Map<String, String> endpoints = Map.of("GET /api/users/me", "/api/users/me", "PATCH /api/users/me",
                "/api/users/me", "GET /api/users", "/api/users", "GET /api/users/1", "/api/users/1",
                "PATCH /api/users/1", "/api/users/1", "DELETE /api/users/1", "/api/users/1",
                "POST /api/auth/logout", "/api/auth/logout");
        endpoints.forEach((name, path) -> {
            String method = name.substring(0, name.indexOf(' '));
            HttpResponse<String> response = Api.send(Api.request(path).header("Content-Type", "application/json")
                    .method(method, method.equals("GET") || method.equals("DELETE")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")));
            assertProblem(response, 401, path);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(name).get().asString()
                    .startsWith("Bearer");
        });
    }

    private static HttpResponse<String> get(String path, String token) {
        return Api.send(authorized(path, token).GET());
    }

    private static HttpResponse<String> patchMe(String token, String json) {
        return sendJson(authorized("/api/users/me", token), "PATCH", json);
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject)
                .map(error -> error.getString("field")).toList();
    }

    private static List<String> emails(JsonObject page) {
        return page.getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .map(user -> user.getString("email")).toList();
    }
}
