package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.Accounts.login;
import static org.orderplatform.testsupport.Accounts.postJson;
import static org.orderplatform.testsupport.Accounts.register;
import static org.orderplatform.testsupport.Accounts.uniqueEmail;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Api;

class RegistrationIT {

    @Test
    void shouldCreateUserAndAnswer201WithLocation() {
        String email = uniqueEmail("ada");

        HttpResponse<String> response = register("  " + email + " ", PASSWORD, "Ada Lovelace");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonObject user = Api.json(response);
        assertThat(user.getString("email")).isEqualTo(email);
        assertThat(user.getString("full_name")).isEqualTo("Ada Lovelace");
        assertThat(user.getBoolean("is_active")).isTrue();
        assertThat(user.getBoolean("is_superuser")).isFalse();
        assertThat(user.getString("created_at")).isNotBlank();
        assertThat(user.keySet()).containsExactlyInAnyOrder("id", "email", "full_name", "is_active",
                "is_superuser", "created_at");
        assertThat(response.headers().firstValue("Location")).get().asString()
                .endsWith("/api/users/" + user.getJsonNumber("id").longValue());
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseSameEmailInAnyCaseWith409() {
        String email = uniqueEmail("grace");
        assertThat(register(email, PASSWORD, "Grace").statusCode()).isEqualTo(201);

        HttpResponse<String> again = register(email.toUpperCase(), "Another-Pass-99", "Impostor");

        JsonObject problem = assertProblem(again, 409, "/api/auth/register");
        assertThat(problem.getString("type")).isEqualTo("/problems/email-taken");
        assertThat(login(email, "Another-Pass-99").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseWeakPasswordsWithFieldErrorsAndCreateNothing() {
        String email = uniqueEmail("weak");
        List<String> weak = List.of("short1!", "x".repeat(129), email, "password123", "ChangeThis");

        for (String password : weak) {
            HttpResponse<String> response = register(email, password, "Weak");
            JsonObject problem = assertProblem(response, 422, "/api/auth/register");
            assertThat(fields(problem)).as(password).containsExactly("password");
        }
        assertThat(register(email, PASSWORD, "Strong").statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRefuseInvalidEmailAndOverlongName() {
        HttpResponse<String> response = register("not-an-email", PASSWORD, "n".repeat(201));

        assertThat(fields(assertProblem(response, 422, "/api/auth/register")))
                .containsExactly("email", "full_name");
    }

    @Test
    void shouldRefuseMassAssignmentAndCreateNothing() {
        String email = uniqueEmail("mallory");
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"full_name\":\"M\","
                + "\"is_superuser\":true,\"is_active\":true,\"id\":1}";

        HttpResponse<String> response = postJson("/api/auth/register", body);

        assertThat(fields(assertProblem(response, 422, "/api/auth/register")))
                .containsExactlyInAnyOrder("is_superuser", "is_active", "id");
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldLogInWithTheVerySameNonAsciiEmailItRegisteredWith() {
        String email = "İlker-" + UUID.randomUUID() + "@example.org";
        assertThat(register(email, PASSWORD, "İlker").statusCode()).isEqualTo(201);

        assertThat(login(email, PASSWORD).statusCode()).as("the same string").isEqualTo(200);
        assertThat(login(email.toLowerCase(Locale.ROOT), PASSWORD).statusCode()).as("lower case")
                .isEqualTo(200);
        assertThat(register(email.toUpperCase(Locale.ROOT), PASSWORD, "Again").statusCode())
                .as("upper case is the same address").isEqualTo(409);
    }

    @Test
    void shouldAnswerMalformedAndMissingBodies() {
        assertProblem(postJson("/api/auth/register", "{\"email\": "), 400, "/api/auth/register");
        assertThat(fields(assertProblem(postJson("/api/auth/register", ""), 422, "/api/auth/register")))
                .containsExactly("body");
    }

    static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .map(error -> error.getString("field"))
                .toList();
    }
}
