package org.orderplatform.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.accessToken;
import static org.orderplatform.testsupport.Accounts.authorized;
import static org.orderplatform.testsupport.Accounts.newUser;
import static org.orderplatform.testsupport.Accounts.sendJson;
import static org.orderplatform.testsupport.Accounts.superuserToken;
import static org.orderplatform.testsupport.ProblemAssertions.assertOnlyStatuses;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Concurrently;
import org.orderplatform.testsupport.Database;

/**
 * Many clients changing one account at the same moment: the owner renaming themself from several devices, a
 * superuser editing the same account meanwhile. Each request is answered 200 or, at worst, 409/412 - never a
 * 5xx - and what was acknowledged is what the account holds: the final name is one a 200 returned, and every 200
 * is one committed change (the row's version advanced once per acknowledged change, none silently rolled back).
 *
 * <p>DEFECT on today's code, both tests: the concurrent PATCHes that lose the race for the row's optimistic lock
 * (JPA {@code @Version}) at commit are answered 500 ({@code /problems/internal-error}) - about half of them.
 */
class UserConcurrencyIT {

    static final int CLIENTS = 20;

    @Test
    void shouldApplyEveryAcknowledgedRenameOfOneAccount() throws Exception {
        JsonObject user = newUser("renamer");
        String token = accessToken(user.getString("email"), PASSWORD);
        long versionBefore = rowVersion(user);

        List<HttpResponse<String>> responses = Concurrently.run(CLIENTS, client ->
                sendJson(authorized("/api/users/me", token), "PATCH", rename("Device " + client)));

        assertAll(() -> assertOnlyStatuses(responses, 200, 409, 412),
                () -> assertConsistent(user, token, responses, versionBefore));
    }

    @Test
    void shouldApplyConcurrentRenamesBySuperuserAndOwner() throws Exception {
        JsonObject user = newUser("co-edited");
        String token = accessToken(user.getString("email"), PASSWORD);
        String admin = superuserToken();
        String path = "/api/users/" + user.getInt("id");
        long versionBefore = rowVersion(user);

        List<HttpResponse<String>> responses = Concurrently.run(CLIENTS, client -> client % 2 == 0
                ? sendJson(authorized("/api/users/me", token), "PATCH", rename("Owner " + client))
                : sendJson(authorized(path, admin), "PATCH", Json.createObjectBuilder()
                        .add("full_name", "Admin " + client).add("is_active", true).add("is_superuser", false)
                        .build().toString()));

        assertAll(() -> assertOnlyStatuses(responses, 200, 409, 412),
                () -> assertConsistent(user, token, responses, versionBefore));
        JsonObject after = Api.json(Api.send(authorized("/api/users/me", token).GET()));
        assertThat(after.getBoolean("is_active")).isTrue();
        assertThat(after.getBoolean("is_superuser")).isFalse();
        assertThat(after.getString("email")).isEqualTo(user.getString("email"));
    }

    /** The final name is one a 200 returned, and each 200 was one committed change of the row. */
    private static void assertConsistent(JsonObject user, String token, List<HttpResponse<String>> responses,
                                         long versionBefore) throws SQLException {
        List<String> acknowledged = responses.stream().filter(response -> response.statusCode() == 200)
                .map(response -> Api.json(response).getString("full_name")).toList();
        assertThat(acknowledged).as("renames acknowledged with 200").isNotEmpty().doesNotHaveDuplicates();
        HttpResponse<String> me = Api.send(authorized("/api/users/me", token).GET());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(Api.json(me).getString("full_name")).as("the name the account ends with").isIn(acknowledged);
        assertThat(rowVersion(user) - versionBefore).as("changes committed (users.version) vs 200s")
                .isEqualTo(acknowledged.size());
    }

    private static String rename(String name) {
        return Json.createObjectBuilder().add("full_name", name).build().toString();
    }

    private static long rowVersion(JsonObject user) throws SQLException {
        return Long.parseLong(Database.queryString("SELECT version FROM users WHERE id = ?",
                user.getJsonNumber("id").longValue()));
    }
}
