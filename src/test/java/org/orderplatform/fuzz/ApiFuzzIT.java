package org.orderplatform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.Gen;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Property;

/**
 * Property-based fuzzing of every operation in the live OpenAPI document - every body, path, query and header
 * parameter - with wrong types, numbers and strings up to the body limit, deep nesting, control, bidirectional and
 * broken characters and bytes that are not UTF-8 (see {@link FuzzRequests}, {@link Nasty}). Whatever comes:
 * <ul>
 *   <li>an answer within {@link #PATIENCE} - a guard against CPU exhaustion, not a speed test;</li>
 *   <li>never a 5xx, never a stack trace or a Java class name;</li>
 *   <li>a refused request (4xx) changes nothing: no rows in users, orders or order_jobs come or go, and the fuzzing
 *       user's account and orders stay as they were.</li>
 * </ul>
 * The seed of each run is printed, and a failure names it with the failing request; {@code -Dfuzz.seed=<seed>} replays
 * the run (see {@link Property}).
 */
class ApiFuzzIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |(java|javax|jakarta|com\\.ibm|org\\.(orderplatform|jboss|eclipse|postgresql|hibernate|"
                    + "apache))\\.[a-z]");
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(PATIENCE)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static ApiOperations.Document document;
    private static List<ApiOperations.Operation> operations;
    private static FuzzRequests requests;
    private static Connection database;
    private static String userToken;

    static final int TRIES = 500;
    private static final String LOGOUT = "POST /api/auth/logout";

    @BeforeAll
    static void setUp() throws SQLException {
        document = ApiOperations.load();
        operations = document.operations();
        JsonObject user = Accounts.newUser("fuzz");
        userToken = Accounts.accessToken(user.getString("email"), Accounts.PASSWORD);
        long victim = Accounts.newUser("fuzz-victim").getJsonNumber("id").longValue();
        String order = Orders.place(userToken).getString("id");
        requests = new FuzzRequests(document, new FuzzRequests.Fixture(userToken, Accounts.superuserToken(), victim,
                order));
        database = Database.connect();
    }

    @AfterAll
    static void tearDown() throws SQLException {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void shouldHaveAGeneratorForEveryPartOfEveryOperation() {
        assertThat(operations).extracting(ApiOperations.Operation::key)
                .contains("POST /api/orders", "GET /api/users", "POST /api/auth/login", "GET /api/admin/dead-letters");
        assertThat(FuzzRequests.missingGenerators(operations)).as("parts of the API the fuzzer cannot generate")
                .isEmpty();
    }

    @Test
    void shouldAnswerAnythingWithA4xxOrSuccessAndChangeNothingWhenRefusing() {
        Map<String, Integer> tried = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> authorized = new TreeSet<>();

        Property.forAll(TRIES, Gen.of(operations).flatMap(requests::of), request -> {
            tried.merge(request.operation().key(), 1, Integer::sum);
            String before = snapshot();

            Answer answer = send(request);

            statuses.merge(answer.status() / 100 + "xx", 1, Integer::sum);
            if (answer.status() != 401 && answer.status() != 403) {
                authorized.add(request.operation().key());
            }
            assertThat(answer.status()).as("status of %s: %s", request, answer.body()).isLessThan(500);
            assertThat(INTERNALS.matcher(answer.body()).find()).as("internals revealed to %s: %s", request,
                    answer.body()).isFalse();
            if (answer.status() >= 400) {
                assertThat(snapshot()).as("state after refusing %s", request).isEqualTo(before);
            }
        });

        System.out.printf("statuses %s; tries per operation %s%n", statuses, tried);
        assertThat(tried).as("operations tried in %d tries", TRIES)
                .containsOnlyKeys(operations.stream().map(ApiOperations.Operation::key).toList());
        // logout is always sent without a token (a real one would end the fuzzing user's session): whether one of its
        // tries gets past authorization (a 406 or 415 answered first) is chance, so it is not expected either way
        Set<String> expected = new TreeSet<>(tried.keySet());
        expected.remove(LOGOUT);
        authorized.remove(LOGOUT);
        assertThat(authorized).as("operations whose input got past authorization at least once")
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    private record Answer(int status, String body) {
    }

    private static Answer send(FuzzRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Api.BASE + request.target())).timeout(PATIENCE)
                .method(request.operation().method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.setHeader("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::setHeader); // an odd Content-Type among them replaces the body's
        long start = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new AssertionError("No answer within " + PATIENCE + " to " + request, e);
        }
        try (InputStream body = response.body()) {
            if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
                return new Answer(response.statusCode(), ""); // a live stream: it stays open by design
            }
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer %s", request)
                    .isLessThan(PATIENCE);
            return new Answer(response.statusCode(), text);
        }
    }

    /** Row counts, and the fuzzing user's account and orders as the API shows them. */
    private static String snapshot() throws SQLException {
        StringBuilder state = new StringBuilder();
        try (ResultSet counts = database.createStatement().executeQuery("SELECT (SELECT count(*) FROM users), "
                + "(SELECT count(*) FROM orders), (SELECT count(*) FROM order_jobs)")) {
            counts.next();
            state.append("users=").append(counts.getLong(1)).append(" orders=").append(counts.getLong(2))
                    .append(" order_jobs=").append(counts.getLong(3));
        }
        state.append('\n').append(Orders.get(userToken, "/api/users/me").body());
        state.append('\n').append(Orders.get(userToken, "/api/orders?size=100").body());
        return state.toString();
    }
}
