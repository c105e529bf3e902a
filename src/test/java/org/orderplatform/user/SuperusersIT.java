package org.orderplatform.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Concurrently;
import org.orderplatform.testsupport.Database;

/**
 * There is always an active superuser: the last one cannot be demoted, deactivated or deleted, also when two
 * superusers act against each other at the same moment. Each test makes a fresh superuser the only active one by
 * setting the others (the bootstrap superuser, and any a test left) inactive in the database, and restores them.
 */
class SuperusersIT {

    private final List<Long> setAside = new ArrayList<>();
    private JsonObject admin;
    private String adminToken;

    @BeforeEach
    void makeAFreshSuperuserTheOnlyActiveOne() throws SQLException {
        admin = Accounts.newUser("only-admin");
        assertThat(change(Accounts.superuserToken(), admin, "{\"is_superuser\":true}").statusCode()).isEqualTo(200);
        adminToken = Accounts.accessToken(admin.getString("email"), Accounts.PASSWORD);
        String others = Database.queryString("SELECT string_agg(id::text, ',') FROM users "
                + "WHERE is_superuser AND is_active AND id <> ?", id(admin));
        for (String other : others.split(",")) {
            setAside.add(Long.parseLong(other));
            Database.update("UPDATE users SET is_active = false WHERE id = ?", Long.parseLong(other));
        }
    }

    @AfterEach
    void restoreTheOtherSuperusers() throws SQLException {
        for (long other : setAside) {
            Database.update("UPDATE users SET is_active = true WHERE id = ?", other);
        }
        Database.update("UPDATE users SET is_superuser = false WHERE email LIKE 'only-admin-%' "
                + "OR email LIKE 'second-admin-%'");
    }

    @Test
    void shouldRefuseToDemoteOrDeactivateTheOnlyActiveSuperuser() {
        HttpResponse<String> demoted = change(adminToken, admin, "{\"is_superuser\":false}");
        HttpResponse<String> deactivated = change(adminToken, admin, "{\"is_active\":false}");

        String path = "/api/users/" + id(admin);
        assertThat(assertProblem(demoted, 409, path).getString("type")).isEqualTo("/problems/last-superuser");
        assertThat(assertProblem(deactivated, 409, path).getString("type")).isEqualTo("/problems/last-superuser");
        JsonObject unchanged = Api.json(Api.send(Accounts.authorized("/api/users/me", adminToken).GET()));
        assertThat(unchanged.getBoolean("is_superuser")).isTrue();
        assertThat(unchanged.getBoolean("is_active")).isTrue();
    }

    @Test
    void shouldLetASuperuserStepDownWhileAnotherRemains() {
        JsonObject second = promoted("second-admin");

        assertThat(change(adminToken, admin, "{\"is_superuser\":false}").statusCode()).isEqualTo(200);

        assertThat(activeSuperusers()).containsExactly(id(second));
    }

    @Test
    void shouldLeaveOneSuperuserWhenTwoDemoteEachOtherAtOnce() throws Exception {
        JsonObject second = promoted("second-admin");
        String secondToken = Accounts.accessToken(second.getString("email"), Accounts.PASSWORD);

        List<Integer> statuses = together(
                () -> change(adminToken, second, "{\"is_superuser\":false}").statusCode(),
                () -> change(secondToken, admin, "{\"is_superuser\":false}").statusCode());

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).allMatch(status -> status == 200 || status == 409 || status == 401);
        assertThat(activeSuperusers()).hasSize(1);
    }

    @Test
    void shouldLeaveOneSuperuserWhenTwoDeleteEachOtherAtOnce() throws Exception {
        JsonObject second = promoted("second-admin");
        String secondToken = Accounts.accessToken(second.getString("email"), Accounts.PASSWORD);

        List<Integer> statuses = together(
                () -> Api.send(Accounts.authorized("/api/users/" + id(second), adminToken).DELETE()).statusCode(),
                () -> Api.send(Accounts.authorized("/api/users/" + id(admin), secondToken).DELETE()).statusCode());

        assertThat(statuses).containsOnlyOnce(204);
        assertThat(activeSuperusers()).hasSize(1);
    }

    private JsonObject promoted(String prefix) {
        JsonObject user = Accounts.newUser(prefix);
        assertThat(change(adminToken, user, "{\"is_superuser\":true}").statusCode()).isEqualTo(200);
        return user;
    }

    private static HttpResponse<String> change(String token, JsonObject user, String json) {
        return Accounts.sendJson(Accounts.authorized("/api/users/" + id(user), token), "PATCH", json);
    }

    private static long id(JsonObject user) {
        return user.getJsonNumber("id").longValue();
    }

    private static List<Long> activeSuperusers() {
        try {
            String ids = Database.queryString("SELECT string_agg(id::text, ',') FROM users "
                    + "WHERE is_superuser AND is_active");
            return ids == null ? List.of() : List.of(ids.split(",")).stream().map(Long::parseLong).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both requests released at the same moment; their statuses. */
    private static List<Integer> together(Supplier<Integer> first, Supplier<Integer> second) throws Exception {
        return Concurrently.run(2, client -> client == 0 ? first.get() : second.get());
    }
}
