package org.orderplatform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Accounts.PASSWORD;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Processing;

/**
 * Who may call what: every operation of the live OpenAPI document, called by every kind of caller, and the status
 * each must get. {@link #MATRIX} has one row per operation - its method, its path template and the expected status
 * per caller - and {@link #shouldHaveOneRowPerOperationOfTheLiveOpenApiDocument} keeps it complete: an operation
 * the server documents without a row fails, and so does a row for an operation it does not document.
 *
 * <p>The callers (the columns, in this order):
 * <ol>
 *   <li>{@code ANONYMOUS}: no {@code Authorization} header;</li>
 *   <li>{@code USER}: a customer, owner of the orders the cells act on;</li>
 *   <li>{@code OTHER_USER}: another customer, with an order of their own;</li>
 *   <li>{@code SUPERUSER}: the superuser the build configured;</li>
 *   <li>{@code DEACTIVATED}: the access token a customer got before a superuser deactivated them;</li>
 *   <li>{@code LOGGED_OUT}: an access token whose session was logged out with it.</li>
 * </ol>
 *
 * <p>What the expected statuses mean:
 * <ul>
 *   <li><b>2xx</b>: allowed - and the request succeeds. Every cell sends a request that succeeds for a caller who
 *   may make it (real fixtures: an order owned by {@code USER}, a valid body, a dead letter that exists...), so a
 *   2xx and a 4xx differ for authorization reasons only. A destructive cell (delete, cancel, replay, logout,
 *   refresh) gets fresh fixtures of its own, so that no cell depends on another.</li>
 *   <li><b>401</b>: not authenticated - no token, or a token that no longer counts (revoked at logout, or every
 *   token of a deactivated user): a problem with {@code WWW-Authenticate: Bearer}, on every protected operation
 *   whatever the caller would otherwise be allowed.</li>
 *   <li><b>403</b>: authenticated but not allowed: a customer on a superuser-only operation ({@code /api/users},
 *   {@code /api/users/{id}}, {@code /api/admin/**}).</li>
 *   <li><b>404</b>: the object is not the caller's: another user's order does not exist for them - never a 403,
 *   which would tell that it exists.</li>
 * </ul>
 * Public operations (register, log in, refresh) answer every caller as they answer anyone: a token sent along,
 * even a revoked one, changes nothing.
 */
class AuthorizationMatrixIT {

    /** The columns of {@link #MATRIX}, in order. */
    enum Caller {
        ANONYMOUS, USER, OTHER_USER, SUPERUSER, DEACTIVATED, LOGGED_OUT
    }

    static final List<Row> MATRIX = List.of(
            // Columns: the Caller values in order - ANONYMOUS, USER, OTHER_USER, SUPERUSER, DEACTIVATED, LOGGED_OUT.
            //  method    path template                              anon user othr supr deac lgdo
            row("POST",   "/api/auth/register",                      201, 201, 201, 201, 201, 201)
                    .sends(f -> json("POST", "/api/auth/register", f.newRegistration())),
            row("POST",   "/api/auth/login",                         200, 200, 200, 200, 200, 200)
                    .sends(f -> json("POST", "/api/auth/login", f.userLogin())),
            row("POST",   "/api/auth/refresh",                       200, 200, 200, 200, 200, 200)
                    .sends(f -> json("POST", "/api/auth/refresh", f.newRefreshRequest())),
            row("POST",   "/api/auth/logout",                        401, 204, 204, 204, 401, 401)
                    .sends(f -> empty("POST", "/api/auth/logout")).withFreshSessions(),

            row("GET",    "/api/users/me",                           401, 200, 200, 200, 401, 401)
                    .sends(f -> empty("GET", "/api/users/me")),
            row("PATCH",  "/api/users/me",                           401, 200, 200, 200, 401, 401)
                    .sends(f -> json("PATCH", "/api/users/me", "{\"full_name\":\"Matrix Caller\"}")),
            row("GET",    "/api/users",                              401, 403, 403, 200, 401, 401)
                    .sends(f -> empty("GET", "/api/users")),
            row("GET",    "/api/users/{id}",                         401, 403, 403, 200, 401, 401)
                    .sends(f -> empty("GET", f.targetUser())),
            row("PATCH",  "/api/users/{id}",                         401, 403, 403, 200, 401, 401)
                    .sends(f -> json("PATCH", f.targetUser(), "{\"full_name\":\"Renamed By The Matrix\"}")),
            row("DELETE", "/api/users/{id}",                         401, 403, 403, 204, 401, 401)
                    .sends(f -> empty("DELETE", f.newUserToDelete())).then(Fixtures::assertUntouchedIfRefused),
            row("GET",    "/api/users/{id}/lockout",                 401, 403, 403, 200, 401, 401)
                    .sends(f -> empty("GET", f.targetUser() + "/lockout")),
            row("DELETE", "/api/users/{id}/lockout",                 401, 403, 403, 204, 401, 401)
                    .sends(f -> empty("DELETE", f.targetUser() + "/lockout")),

            row("POST",   "/api/orders",                             401, 201, 201, 201, 401, 401)
                    .sends(f -> json("POST", "/api/orders", Orders.VALID)),
            row("GET",    "/api/orders",                             401, 200, 200, 200, 401, 401)
                    .sends(f -> empty("GET", "/api/orders")),
            row("GET",    "/api/orders/{id}",                        401, 200, 404, 200, 401, 401)
                    .sends(f -> empty("GET", f.order())),
            row("PUT",    "/api/orders/{id}",                        401, 200, 404, 200, 401, 401)
                    .sends(f -> json("PUT", f.order(), Orders.VALID).header("If-Match", "*")),
            row("DELETE", "/api/orders/{id}",                        401, 204, 404, 204, 401, 401)
                    .sends(f -> empty("DELETE", f.newOrder())).then(Fixtures::assertUntouchedIfRefused),
            row("GET",    "/api/orders/{id}/history",                401, 200, 404, 200, 401, 401)
                    .sends(f -> empty("GET", f.order() + "/history")),
            row("POST",   "/api/orders/{id}/cancel",                 401, 200, 404, 200, 401, 401)
                    .sends(f -> empty("POST", f.newOrder() + "/cancel")).then(Fixtures::assertUntouchedIfRefused),
            row("GET",    "/api/orders/{id}/events",                 401, 200, 404, 200, 401, 401)
                    .sends(f -> empty("GET", f.order() + "/events").header("Accept", "text/event-stream"))
                    .asStream(),

            row("GET",    "/api/admin/queue",                        401, 403, 403, 200, 401, 401)
                    .sends(f -> empty("GET", "/api/admin/queue")),
            row("GET",    "/api/admin/dead-letters",                 401, 403, 403, 200, 401, 401)
                    .sends(f -> empty("GET", "/api/admin/dead-letters")),
            row("POST",   "/api/admin/dead-letters/{id}/replay",     401, 403, 403, 202, 401, 401)
                    .sends(f -> empty("POST", f.newDeadLetter() + "/replay")).then(Fixtures::assertUntouchedIfRefused),
            row("POST",   "/api/admin/jobs/{job_name}",              401, 403, 403, 202, 401, 401)
                    .sends(f -> empty("POST", "/api/admin/jobs/order-report")).then(Fixtures::awaitJobEnd),
            row("GET",    "/api/admin/jobs/executions/{id}",         401, 403, 403, 200, 401, 401)
                    .sends(f -> empty("GET", f.execution())),
            row("GET",    "/api/admin/reports/daily",                401, 403, 403, 200, 401, 401)
                    .sends(f -> empty("GET", "/api/admin/reports/daily").header("Accept", "application/json")));

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final Pattern UUID_IN_PATH = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static Fixtures fixtures;

    @BeforeAll
    static void createFixtures() {
        fixtures = new Fixtures();
    }

    @Test
    void shouldHaveOneRowPerOperationOfTheLiveOpenApiDocument() {
        Set<String> documented = documentedOperations();
        Set<String> rows = new TreeSet<>(MATRIX.stream().map(Row::operation).toList());

        assertThat(documented).as("operations in the live OpenAPI document").hasSizeGreaterThan(10);
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(without(documented, rows)).as("operations of the live OpenAPI document without a row in "
                + "AuthorizationMatrixIT.MATRIX - add a row for each, with the status every caller must get and "
                + "a request that succeeds for a caller who may make it").isEmpty();
        softly.assertThat(without(rows, documented)).as("rows of AuthorizationMatrixIT.MATRIX for operations the "
                + "live OpenAPI document does not have - correct their method or path template, or remove them")
                .isEmpty();
        softly.assertThat(MATRIX.stream().map(Row::operation)).as("one row per operation").doesNotHaveDuplicates();
        softly.assertAll();
    }

    @Test
    void shouldDocumentASecurityRequirementOnExactlyTheOperationsAnonymousCallersCannotUse() {
        JsonObject document = openApiDocument();
        Set<String> documentedAsProtected = new TreeSet<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (HTTP_METHODS.contains(method) && requiresAuthentication(document, operation.asJsonObject())) {
                documentedAsProtected.add(method.toUpperCase() + " " + path);
            }
        }));

        assertThat(documentedAsProtected).as("operations whose OpenAPI security says a token is needed")
                .containsExactlyInAnyOrderElementsOf(MATRIX.stream()
                        .filter(row -> row.expectedFor(Caller.ANONYMOUS) == 401).map(Row::operation).toList());
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEveryCallerOfEveryOperationAsTheMatrixSays() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> DynamicTest.dynamicTest(
                row.operation() + " as " + caller + " -> " + row.expectedFor(caller), () -> assertCell(row, caller))));
    }

    private static void assertCell(Row row, Caller caller) throws Exception {
        HttpRequest.Builder request = row.request().build(fixtures);
        fixtures.tokenOf(caller, row.freshSession()).ifPresent(token ->
                request.header("Authorization", "Bearer " + token));

        HttpResponse<String> response = row.streaming() ? Api.sendWithoutStreaming(request) : Api.send(request);
        row.afterwards().check(fixtures, response);

        int expected = row.expectedFor(caller);
        assertThat(response.statusCode()).as("%s as %s (%s): %s", row.operation(), caller, response.uri().getPath(),
                response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertProblem(response, expected, response.uri().getPath());
        }
        if (expected == 404) {
            assertSameAsForAnUnknownOrder(response);
        }
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).as("WWW-Authenticate").get().asString()
                    .startsWith("Bearer");
        }
    }

    /**
     * A 404 for an order that exists but is not the caller's tells nothing more than one for an order that does not
     * exist: the same request for an unknown id gets the same problem (type, title, detail but for the id).
     */
    private static void assertSameAsForAnUnknownOrder(HttpResponse<String> response) {
        Matcher found = UUID_IN_PATH.matcher(response.uri().getPath());
        assertThat(found.find()).as("an order id in %s", response.uri()).isTrue();
        String id = found.group();
        String unknown = UUID.randomUUID().toString();
        HttpResponse<String> answer = Api.send(HttpRequest.newBuilder(response.request(), (name, value) -> true)
                .uri(response.uri().resolve(response.uri().getPath().replace(id, unknown))));
        JsonObject forUnknown = assertProblem(answer, 404, answer.uri().getPath());
        JsonObject forOthers = Api.json(response);
        assertThat(forOthers.getString("type")).isEqualTo(forUnknown.getString("type"));
        assertThat(forOthers.getString("title")).isEqualTo(forUnknown.getString("title"));
        assertThat(forOthers.getString("detail")).isEqualTo(forUnknown.getString("detail").replace(unknown, id));
    }

    /** "METHOD /path/{template}" of every operation in the server's OpenAPI document. */
    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        openApiDocument().getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(HTTP_METHODS::contains).forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    /** The live OpenAPI document, as JSON. */
    private static JsonObject openApiDocument() {
        HttpResponse<String> response = Api.send(Api.request("/openapi").header("Accept", "application/json"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Api.json(response);
    }

    /** The operation's security (or the document's): some scheme needed, none of the alternatives empty. */
    private static boolean requiresAuthentication(JsonObject document, JsonObject operation) {
        JsonArray security = operation.containsKey("security") ? operation.getJsonArray("security")
                : document.containsKey("security") ? document.getJsonArray("security") : JsonValue.EMPTY_JSON_ARRAY;
        return !security.isEmpty() && security.stream().noneMatch(requirement -> requirement.asJsonObject().isEmpty());
    }

    private static Set<String> without(Set<String> these, Set<String> those) {
        Set<String> rest = new TreeSet<>(these);
        rest.removeAll(those);
        return rest;
    }

    private static HttpRequest.Builder empty(String method, String path) {
        return Api.request(path).method(method, HttpRequest.BodyPublishers.noBody());
    }

    private static HttpRequest.Builder json(String method, String path, String body) {
        return Api.request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
    }

    private static Row row(String method, String path, int anonymous, int user, int otherUser, int superuser,
                           int deactivated, int loggedOut) {
        return new Row(method, path, List.of(anonymous, user, otherUser, superuser, deactivated, loggedOut),
                fixture -> {
                    throw new IllegalStateException("no request for " + method + " " + path);
                }, false, false, (fixture, response) -> { });
    }

    /** The request of a cell, without its caller's token: one that succeeds for a caller who may make it. */
    interface Request {
        HttpRequest.Builder build(Fixtures fixtures) throws Exception;
    }

    /** What a row does once a cell's answer is in. */
    interface Afterwards {
        void check(Fixtures fixtures, HttpResponse<String> response) throws Exception;
    }

    /**
     * One operation and the status each caller must get. A row {@link #withFreshSessions} calls it with a token of
     * a session of its own per cell (logout ends it); an {@link #asStream} row's successful answer is an endless
     * stream, not read.
     */
    record Row(String method, String path, List<Integer> expected, Request request, boolean freshSession,
               boolean streaming, Afterwards afterwards) {

        String operation() {
            return method + " " + path;
        }

        int expectedFor(Caller caller) {
            return expected.get(caller.ordinal());
        }

        Row sends(Request request) {
            return new Row(method, path, expected, request, freshSession, streaming, afterwards);
        }

        Row withFreshSessions() {
            return new Row(method, path, expected, request, true, streaming, afterwards);
        }

        Row asStream() {
            return new Row(method, path, expected, request, freshSession, true, afterwards);
        }

        /** What to do once a cell's answer is in (wait for what it started). */
        Row then(Afterwards afterwards) {
            return new Row(method, path, expected, request, freshSession, streaming, afterwards);
        }
    }

    /**
     * What the cells act on. Accounts and the shared order are made once per class; destructive cells get fresh
     * objects from the {@code new...} methods.
     */
    static final class Fixtures {

        private final String userEmail;
        private final String userToken;
        private final String otherEmail;
        private final String otherToken;
        private final String superuserToken;
        private final String deactivatedToken;
        private final String loggedOutToken;
        private final String targetUser;
        private final String order;
        private final String execution;

        Fixtures() {
            userEmail = Accounts.newUser("matrix-user").getString("email");
            userToken = Accounts.accessToken(userEmail, PASSWORD);
            otherEmail = Accounts.newUser("matrix-other").getString("email");
            otherToken = Accounts.accessToken(otherEmail, PASSWORD);
            Orders.place(otherToken);
            superuserToken = Accounts.superuserToken();
            deactivatedToken = deactivatedUsersToken();
            loggedOutToken = loggedOutToken();
            targetUser = "/api/users/" + Accounts.newUser("matrix-target").getInt("id");
            order = "/api/orders/" + Orders.place(userToken).getString("id");
            execution = endedJob("order-reconciliation");
        }

        /** The caller's token: the one of the class, or, for a fresh session, one of a new login. */
        Optional<String> tokenOf(Caller caller, boolean freshSession) {
            return Optional.ofNullable(switch (caller) {
                case ANONYMOUS -> null;
                case USER -> freshSession ? Accounts.accessToken(userEmail, PASSWORD) : userToken;
                case OTHER_USER -> freshSession ? Accounts.accessToken(otherEmail, PASSWORD) : otherToken;
                case SUPERUSER -> freshSession ? Accounts.superuserToken() : superuserToken;
                case DEACTIVATED -> deactivatedToken;
                case LOGGED_OUT -> loggedOutToken;
            });
        }

        /** USER's order, shared by the cells that do not end it. */
        String order() {
            return order;
        }

        /** A new order of USER. */
        String newOrder() {
            return "/api/orders/" + Orders.place(userToken).getString("id");
        }

        /** A new dead letter: the job of a new order of USER, failed for good. */
        String newDeadLetter() throws Exception {
            return "/api/admin/dead-letters/" + Processing.buryJobOf(Orders.place(userToken).getString("id"));
        }

        /** A customer the superuser operations read and rename. */
        String targetUser() {
            return targetUser;
        }

        String newUserToDelete() {
            return "/api/users/" + Accounts.newUser("matrix-deleted").getInt("id");
        }

        String execution() {
            return execution;
        }

        String newRegistration() {
            return Json.createObjectBuilder().add("email", Accounts.uniqueEmail("matrix-registered"))
                    .add("password", PASSWORD).add("full_name", "Registered By The Matrix").build().toString();
        }

        String userLogin() {
            return Json.createObjectBuilder().add("email", userEmail).add("password", PASSWORD).build().toString();
        }

        /** A refresh token of a new session of USER, not used yet. */
        String newRefreshRequest() {
            return Json.createObjectBuilder().add("refresh_token",
                    Accounts.tokens(userEmail, PASSWORD).getString("refresh_token")).build().toString();
        }

        private String deactivatedUsersToken() {
            JsonObject user = Accounts.newUser("matrix-deactivated");
            String token = Accounts.accessToken(user.getString("email"), PASSWORD);
            HttpResponse<String> deactivation = Accounts.sendJson(Accounts.authorized("/api/users/"
                    + user.getInt("id"), superuserToken), "PATCH", "{\"is_active\":false}");
            assertThat(deactivation.statusCode()).as(deactivation.body()).isEqualTo(200);
            return token;
        }

        private static String loggedOutToken() {
            String token = Orders.newCustomer("matrix-logged-out");
            HttpResponse<String> logout = Orders.send(token, "/api/auth/logout", "POST");
            assertThat(logout.statusCode()).as(logout.body()).isEqualTo(204);
            return token;
        }

        /** A job started and ended: its execution's path. */
        private String endedJob(String name) {
            HttpResponse<String> started = Orders.send(superuserToken, "/api/admin/jobs/" + name, "POST");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String execution = "/api/admin/jobs/executions/" + Api.json(started).getJsonNumber("execution_id");
            Processing.awaitJobEnd(superuserToken, execution);
            return execution;
        }

        /**
         * A refused destructive cell changed nothing: the user or order it aimed at is still there as it was (as the
         * superuser sees it), the dead letter still dead.
         */
        void assertUntouchedIfRefused(HttpResponse<String> response) throws SQLException {
            if (response.statusCode() < 400) {
                return;
            }
            String path = response.uri().getPath();
            if (path.endsWith("/replay")) {
                String job = path.substring("/api/admin/dead-letters/".length(), path.length() - "/replay".length());
                assertThat(Processing.jobState(Long.parseLong(job))).as("the dead letter %s", job).isEqualTo("DEAD");
                return;
            }
            String target = path.replaceFirst("/cancel$", "");
            HttpResponse<String> current = Orders.get(superuserToken, target);
            assertThat(current.statusCode()).as("%s after the refused %s", target, path).isEqualTo(200);
            if (target.startsWith("/api/orders/")) {
                assertThat(Api.json(current).getString("status")).as(target).isEqualTo("PENDING");
            } else {
                assertThat(Api.json(current).getBoolean("is_active")).as(target).isTrue();
            }
        }

        /** A cell that started a job waits for its end: no later test may find it running. */
        void awaitJobEnd(HttpResponse<String> started) {
            if (started.statusCode() == 202) {
                Processing.awaitJobEnd(superuserToken, "/api/admin/jobs/executions/"
                        + Api.json(started).getJsonNumber("execution_id"));
            }
        }
    }
}
