package org.orderplatform.platform.web.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.orderplatform.testsupport.Orders.get;
import static org.orderplatform.testsupport.Orders.newCustomer;
import static org.orderplatform.testsupport.Orders.post;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.platform.web.body.JsonBody;
import org.orderplatform.platform.web.paging.Paging;
import org.orderplatform.platform.web.problem.PlatformProblem;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.Orders;

/**
 * What an attacker sends to the input handling: numbers too long or too large to parse safely, control and
 * bidirectional characters, lone surrogates and broken UTF-8, overflowing pages, ids that are no ids, timestamps
 * beyond the database, bodies nested without end. Each gets a 4xx problem at once, and changes nothing.
 */
class InputHardeningIT {

    private static final String[] TABLES = {"users", "orders", "order_jobs"};
    private static String admin;

    @BeforeAll
    static void logIn() {
        admin = Accounts.superuserToken();
    }

    // 1. Numbers

    @Test
    void shouldRefuseNumbersTooLongToParseSafelyNamingTheField() throws SQLException {
        String token = newCustomer("numbers");
        String digits = "9".repeat(60_000);
        Map<String, String> bodies = Map.of(
                "long number", item("1", digits),
                "long decimal string", item("1", "\"" + digits + "\""),
                "long fraction", item("1", "\"0." + digits + "\""),
                "huge exponent", item("1", "1e999999999"),
                "tiny exponent", item("1", "1e-999999999"),
                "huge exponent as string", item("1", "\"1E+999999999\""),
                "tiny exponent as string", item("1", "\"1e-999999999\""));
        Map<String, Long> before = Database.rowCounts(TABLES);

        bodies.forEach((label, body) -> {
            JsonObject problem = assertProblem(post(token, body), 422, "/api/orders");
            assertThat(errors(problem)).as(label).containsEntry("items[0].unit_price", NumberText.MESSAGE);
        });
        JsonObject quantity = assertProblem(post(token, item("1e999999999", "1")), 422, "/api/orders");
        assertThat(errors(quantity)).containsKey("items[0].quantity");
        assertThat(Database.rowCounts(TABLES)).isEqualTo(before);
    }

    @Test
    void shouldRefuseWholeNumbersBeyondTheirTypeInsteadOfWrappingThemAround() {
        String token = newCustomer("wrap");

        // 2^32 + 1 used to be read as the int 1: an order of one item
        JsonObject problem = assertProblem(post(token, item("4294967297", "1")), 422, "/api/orders");

        assertThat(errors(problem)).containsKey("items[0].quantity");
        JsonObject order = Orders.place(token);
        String path = "/api/orders/" + order.getString("id");
        HttpResponse<String> replaced = Api.send(Accounts.authorized(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        item("1", "1").replace("]}", "],\"version\":18446744073709551617}"))));
        assertThat(errors(assertProblem(replaced, 422, path))).containsKey("version");
    }

    // 2. Text

    @Test
    void shouldRefuseControlBidiAndBrokenCharactersInEveryBodyString() throws SQLException {
        Map<String, Long> before = Database.rowCounts(TABLES);
        Map<String, String> registrations = Map.of(
                "full_name", "{\"email\":\"" + Accounts.uniqueEmail("bidi") + "\",\"password\":\"Correct-Horse-42\","
                        + "\"full_name\":\"evil\\u202egnp.exe\"}",
                "full_name ", "{\"email\":\"" + Accounts.uniqueEmail("c1") + "\",\"password\":\"Correct-Horse-42\","
                        + "\"full_name\":\"next\\u0085line\"}",
                "full_name  ", "{\"email\":\"" + Accounts.uniqueEmail("lone") + "\",\"password\":\"Correct-Horse-42\","
                        + "\"full_name\":\"half \\ud800 a pair\"}",
                "email", "{\"email\":\"x\\ud800@example.org\",\"password\":\"Correct-Horse-42\"}",
                "password", "{\"email\":\"" + Accounts.uniqueEmail("tab") + "\",\"password\":\"Correct\\tHorse-42\"}",
                "password ", "{\"email\":\"" + Accounts.uniqueEmail("del")
                        + "\",\"password\":\"Correct\\u007fHorse-42\"}");

        registrations.forEach((field, body) -> {
            JsonObject problem = assertProblem(Accounts.postJson("/api/auth/register", body), 422,
                    "/api/auth/register");
            assertThat(errors(problem)).as(body).containsKey(field.trim());
        });
        String token = newCustomer("notes");
        for (String notes : List.of("\\u0085", "\\u009b31m", "\\u2066", "\\u200f", "\\u061c", "\\udfff")) {
            JsonObject problem = assertProblem(
                    post(token, item("1", "1").replace("]}", "],\"notes\":\"a" + notes + "b\"}")),
                    422, "/api/orders");
            assertThat(errors(problem)).as(notes).containsKey("notes");
        }
        assertThat(Database.rowCounts(TABLES)).isEqualTo(Map.of("users", before.get("users") + 1,
                "orders", before.get("orders"), "order_jobs", before.get("order_jobs")));
    }

    @Test
    void shouldKeepTabsAndLineBreaksInFreeText() {
        String token = newCustomer("multiline");

        HttpResponse<String> response = post(token,
                item("1", "1").replace("]}", "],\"notes\":\"one\\ttwo\\r\\nthree\"}"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(Api.json(response).getString("notes")).isEqualTo("one\ttwo\r\nthree");
    }

    @Test
    void shouldAnswerNulInTheLoginEmailWith422NotA500() {
        JsonObject json = assertProblem(Accounts.login("a\u0000b@example.org", "Whatever-Pass-1"), 422,
                "/api/auth/login");
        assertThat(errors(json)).containsKey("email");

        for (String username : List.of("a\u0000b@example.org", "a\u202eb@example.org", "a\u0085b@example.org")) {
            JsonObject form = assertProblem(formLogin(username, "Whatever-Pass-1"), 422, "/api/auth/login");
            assertThat(errors(form)).as(username).containsKey("username");
        }
        assertThat(errors(assertProblem(formLogin("a@example.org", "pass\u0000word"), 422, "/api/auth/login")))
                .containsKey("password");
    }

    @Test
    void shouldAnswerFormsTheContainerCannotParseWith400() {
        JsonObject problem = assertProblem(Api.send(Api.request("/api/auth/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=%ZZ&password=x"))), 400, "/api/auth/login");
        assertThat(problem.getString("type")).isEqualTo(PlatformProblem.MALFORMED_BODY.uri());
        for (String form : List.of("username=%FF%FE&password=%C3", "%", "=&&=", "username=a&username=b")) {
            HttpResponse<String> response = Api.send(Api.request("/api/auth/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", "198.51.100.7")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(response.statusCode()).as(form + ": " + response.body()).isBetween(400, 499);
        }
    }

    @Test
    void shouldRefuseControlCharactersInQueryAndPathParameters() {
        Map<String, String> queries = Map.of(
                "/api/users?q=%E2%80%AE", "q",
                "/api/users?q=a%00b", "q",
                "/api/users?q=%C2%85", "q",
                "/api/orders?status=%E2%81%A6PENDING", "status",
                "/api/admin/dead-letters?page=1%0A", "page",
                "/api/admin/reports/daily?from=%E2%80%8F2026-01-01", "from");
        queries.forEach((path, field) -> {
            JsonObject problem = assertProblem(Api.send(Accounts.authorized(path, admin).GET()), 422,
                    path.substring(0, path.indexOf('?')));
            assertThat(errors(problem)).as(path).containsKey(field);
        });
        String path = "/api/admin/jobs/order-report%E2%80%AE";
        JsonObject problem = assertProblem(Api.send(Accounts.authorized(path, admin)
                .POST(HttpRequest.BodyPublishers.noBody())), 422, path);
        assertThat(errors(problem)).containsKey("job_name");
    }

    @Test
    void shouldAnswerBodiesThatAreNotUtf8With400() {
        String token = newCustomer("utf8");
        for (byte[] bytes : List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF})) {
            byte[] body = join("{\"items\":[],\"notes\":\"a".getBytes(StandardCharsets.UTF_8), bytes,
                    "\"}".getBytes(StandardCharsets.UTF_8));
            JsonObject problem = assertProblem(Api.send(Accounts.authorized("/api/orders", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))), 400, "/api/orders");
            assertThat(problem.getString("detail")).contains("UTF-8");
        }
    }

    @Test
    void shouldReadJsonAsUtf8WhateverCharsetTheContentTypeNames() {
        String token = newCustomer("charset");
        // As ISO-8859-1, the UTF-8 bytes of "Ā" (C4 80) would read as "Ä" and the C1 control U+0080
        HttpResponse<String> response = Api.send(Accounts.authorized("/api/orders", token)
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(item("1", "1").replace("]}", "],\"notes\":\"Ā\"}")
                        .getBytes(StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(Api.json(response).getString("notes")).isEqualTo("Ā");
    }

    // 3. Paging, ids, timestamps

    @Test
    void shouldRefuseTheSameBadPagesWithTheSameProblemOnEveryList() {
        String token = newCustomer("pages");
        Map<String, String> lists = Map.of("/api/users", admin, "/api/orders", token, "/api/admin/dead-letters", admin);
        Map<String, String> invalid = Map.of("page=0", "page", "page=abc", "page", "page=21474838&size=100", "page",
                "page=99999999999999999999", "page", "page=" + "9".repeat(5000), "page", "page=-1", "page",
                "size=0", "size", "size=101", "size", "size=1e2", "size", "page=1.5", "page");

        lists.forEach((list, caller) -> invalid.forEach((query, field) -> {
            JsonObject problem = assertProblem(
                    Api.send(Accounts.authorized(list + "?" + query, caller).GET()), 422, list);
            assertThat(problem.getString("type")).isEqualTo(PlatformProblem.VALIDATION.uri());
            assertThat(errors(problem)).as(list + "?" + query).containsOnlyKeys(field)
                    .containsValue(field.equals("page") ? Paging.PAGE_MESSAGE : Paging.SIZE_MESSAGE);
        }));
        HttpResponse<String> last = Api.send(Accounts.authorized("/api/users?page=10000000&size=100", admin).GET());
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        assertThat(Api.json(last).getJsonArray("items")).isEmpty();
    }

    @Test
    void shouldAnswerIdsThatAreNoIdsWith422NamingTheParameter() {
        for (String path : List.of("/api/users/abc", "/api/users/99999999999999999999", "/api/users/0", "/api/users/-1",
                "/api/users/1e3", "/api/admin/jobs/executions/xyz", "/api/admin/jobs/executions/9999999999999999999")) {
            JsonObject problem = assertProblem(Api.send(Accounts.authorized(path, admin).GET()), 422, path);
            assertThat(errors(problem)).as(path).containsOnlyKeys("id");
        }
        for (String method : List.of("PATCH", "DELETE")) {
            JsonObject problem = assertProblem(Accounts.sendJson(Accounts.authorized("/api/users/abc", admin), method,
                    "{\"full_name\":\"x\"}"), 422, "/api/users/abc");
            assertThat(errors(problem)).containsKey("id");
        }
        String replay = "/api/admin/dead-letters/99999999999999999999/replay";
        assertThat(errors(assertProblem(Api.send(Accounts.authorized(replay, admin)
                .POST(HttpRequest.BodyPublishers.noBody())), 422, replay))).containsOnlyKeys("id");
        assertProblem(Api.send(Accounts.authorized("/api/users/999999999999999999", admin).GET()), 404,
                "/api/users/999999999999999999");
        assertThat(errors(assertProblem(get(admin, "/api/orders?owner_id=99999999999999999999"), 422, "/api/orders")))
                .containsOnlyKeys("owner_id");
    }

    @Test
    void shouldRefuseAsOfBeyondWhatTheDatabaseStores() {
        String token = newCustomer("asof");
        for (String asOf : List.of("%2B999999999-12-31T23:59:59Z", "%2B300000-01-01T00:00:00Z",
                "-300000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z")) {
            JsonObject problem = assertProblem(get(token, "/api/orders?as_of=" + asOf), 422, "/api/orders");
            assertThat(errors(problem)).as(asOf).containsOnlyKeys("as_of");
        }
        assertThat(get(token, "/api/orders?as_of=9999-12-31T23:59:59Z").statusCode()).isEqualTo(200);
    }

    // 4. Structure, headers, the URL itself

    @Test
    void shouldRefuseBodiesNestedDeeperThanTheLimitWithoutOverflowing() {
        String token = newCustomer("deep");
        for (String body : List.of("[".repeat(30_000) + "]".repeat(30_000),
                "{\"items\":" + "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH) + "}",
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))) {
            JsonObject problem = assertProblem(post(token, body), 400, "/api/orders");
            assertThat(problem.getString("detail")).contains("deeper than " + JsonBody.MAX_DEPTH);
        }
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isZero();
    }

    @Test
    void shouldRefuseMembersGivenTwice() {
        String token = newCustomer("twice");
        JsonObject problem = assertProblem(post(token, "{\"items\":[],\"notes\":\"a\",\"notes\":\"b\"}"), 422,
                "/api/orders");
        assertThat(errors(problem)).containsEntry("notes", "is given more than once");
    }

    @Test
    void shouldAnswerHugeStringsUpToTheBodyLimitWith422() {
        String token = newCustomer("huge");
        String huge = "x".repeat(65_000);
        assertThat(errors(assertProblem(post(token, item("1", "1").replace("]}", "],\"notes\":\"" + huge + "\"}")),
                422, "/api/orders"))).containsKey("notes");
        assertThat(errors(assertProblem(Accounts.login(huge + "@example.org", "Whatever-Pass-1"), 422,
                "/api/auth/login"))).containsKey("email");
    }

    @Test
    void shouldAnswerGarbageInHeadersWithAClientError() {
        String token = newCustomer("headers");
        JsonObject order = Orders.place(token);
        String path = "/api/orders/" + order.getString("id");
        for (String ifMatch : List.of("\"99999999999999999999\"", "\"" + "9".repeat(5000) + "\"", "garbage", "W/",
                "\"-1\"", "\"1e3\"", "\"1\", \"2\"")) {
            assertProblem(Api.send(Accounts.authorized(path, token).header("If-Match", ifMatch)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(Orders.VALID))), 412, path);
        }
        for (String key : List.of("k".repeat(256), "with space", "tab\tinside")) {
            JsonObject problem = assertProblem(Api.send(Accounts.authorized("/api/orders", token)
                    .header("Idempotency-Key", key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Orders.VALID))), 422, "/api/orders");
            assertThat(errors(problem)).containsOnlyKeys("Idempotency-Key");
        }
        for (String accept : List.of("*/*;q=abc", "application/json;q=2", "application/json;q=99999999999999999999")) {
            JsonObject problem = assertProblem(Api.send(Accounts.authorized("/api/orders", token)
                    .header("Accept", accept).GET()), 400, "/api/orders");
            assertThat(problem.getString("detail")).as(accept).contains("Accept");
        }
        assertThat(Api.json(get(token, "/api/orders")).getInt("total")).isOne();
    }

    @Test
    void shouldNeverAnswerMalformedPercentEncodingWithA5xx() throws IOException {
        for (String target : List.of("/api/users?q=%ZZ", "/api/users?q=%", "/api/orders?page=1&status=%G1",
                "/api/users?q=a|b")) {
            assertThat(rawStatus(target, admin)).as(target).isEqualTo(400);
        }
        String order = "/api/orders/" + UUID.randomUUID();
        for (String query : List.of("q=%FF", "q=%E2%80", "q=%ED%A0%80", "x=%C0%AF")) {
            String path = query.startsWith("x") ? order : "/api/users";
            JsonObject problem = assertProblem(Api.send(Accounts.authorized(path + "?" + query, admin).GET()), 400,
                    path);
            assertThat(problem.getString("type")).as(query).isEqualTo(PlatformProblem.MALFORMED_QUERY.uri());
        }
        for (String target : List.of("/api/users/%FF", "/api/orders/%E2%82", "/api/users/a|b", "/api/users/a|b?q=x",
                "/api/users/%7B%7D?q=%7C", "/api/orders/x{y}")) {
            assertThat(rawStatus(target, admin)).as(target).isLessThan(500);
        }
    }

    private static HttpResponse<String> formLogin(String username, String password) {
        return Api.send(Api.request("/api/auth/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "198.51.100." + (1 + (int) (Math.random() * 254)))
                .POST(HttpRequest.BodyPublishers.ofString("username="
                        + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    }

    /** The status of a request whose target java.net.URI would refuse to build: straight over a socket. */
    private static int rawStatus(String target, String token) throws IOException {
        try (Socket socket = new Socket(Api.BASE.getHost(), Api.BASE.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static String item(String quantity, String unitPrice) {
        return "{\"items\":[{\"sku\":\"A-1\",\"name\":\"Apple\",\"quantity\":" + quantity + ",\"unit_price\":"
                + unitPrice + "}]}";
    }

    private static Map<String, String> errors(JsonObject problem) {
        assertThat(problem.containsKey("errors")).as(problem.toString()).isTrue();
        return problem.getJsonArray("errors").stream().map(JsonValue::asJsonObject).collect(
                java.util.stream.Collectors.toMap(error -> error.getString("field"),
                        error -> error.getString("message"), (first, second) -> first));
    }

    private static byte[] join(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
