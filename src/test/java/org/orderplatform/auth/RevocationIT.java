package org.orderplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.Replicas;

/**
 * Once a logout, deactivation or demotion is acknowledged, the user's earlier access tokens stop working on every
 * replica within seconds, and their open live status streams end.
 */
class RevocationIT {

    /** Generous bound for "within seconds" (REVOCATION_CHECK_SECONDS is 2), not a speed assertion. */
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(15);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @RegisterExtension
    final Replicas replicas = new Replicas();

    /** The bodies of the streams a test opened: closing one hangs up. */
    private final List<Stream<String>> streams = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(Stream::close);
    }

    @Test
    void shouldEndALiveStreamAtLogout() {
        String customer = Orders.newCustomer("stream-logout");
        CompletableFuture<Void> stream = follow(customer, Orders.place(customer).getString("id"));

        assertThat(Api.send(Accounts.authorized("/api/auth/logout", customer)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);

        await("the stream ends").atMost(WITHIN_SECONDS).until(stream::isDone);
    }

    @Test
    void shouldEndALiveStreamWhenItsUserIsDeactivated() {
        JsonObject user = Accounts.newUser("stream-deactivated");
        String token = Accounts.accessToken(user.getString("email"), Accounts.PASSWORD);
        CompletableFuture<Void> stream = follow(token, Orders.place(token).getString("id"));

        assertThat(adminPatch(user, "{\"is_active\":false}").statusCode()).isEqualTo(200);

        await("the stream ends").atMost(WITHIN_SECONDS).until(stream::isDone);
    }

    @Test
    void shouldEndASuperusersStreamOfSomebodyElsesOrderWhenDemoted() {
        JsonObject helper = Accounts.newUser("stream-demoted");
        assertThat(adminPatch(helper, "{\"is_superuser\":true}").statusCode()).isEqualTo(200);
        String helperToken = Accounts.accessToken(helper.getString("email"), Accounts.PASSWORD);
        String customer = Orders.newCustomer("stream-owner");
        CompletableFuture<Void> stream = follow(helperToken, Orders.place(customer).getString("id"));

        assertThat(adminPatch(helper, "{\"is_superuser\":false}").statusCode()).isEqualTo(200);

        await("the stream ends").atMost(WITHIN_SECONDS).until(stream::isDone);
    }

    @Test
    void shouldRefuseMoreLiveStreamsThanTheCapAndAcceptOneWhenAnotherCloses() {
        String customer = Orders.newCustomer("stream-cap");
        String id = Orders.place(customer).getString("id");
        for (int i = 0; i < 5; i++) {
            follow(customer, id);
        }

        HttpResponse<String> refused = Api.send(Accounts.authorized("/api/orders/" + id + "/events", customer)
                .header("Accept", "text/event-stream"));

        JsonObject problem = assertProblem(refused, 429, "/api/orders/" + id + "/events");
        assertThat(problem.getString("type")).isEqualTo("/problems/too-many-streams");
        streams.get(0).close();
        await("a stream may open again").atMost(Duration.ofSeconds(40)).until(() -> {
            CompletableFuture<Void> again = follow(customer, id);
            return !again.isDone();
        });
    }

    @Test
    void shouldRefuseLoggedOutAndDeactivatedUsersTokensOnAnotherReplicaWithinSeconds() {
        ExtraServer other = replicas.start("revocationReplica", Map.of("APP_ROLE", "api"));
        String loggedOut = Accounts.accessToken(Accounts.newUser("logout-replica").getString("email"),
                Accounts.PASSWORD);
        JsonObject user = Accounts.newUser("deactivated-replica");
        String deactivated = Accounts.accessToken(user.getString("email"), Accounts.PASSWORD);
        assertThat(me(other.base(), loggedOut).statusCode()).isEqualTo(200);
        assertThat(me(other.base(), deactivated).statusCode()).isEqualTo(200);

        assertThat(Api.send(Accounts.authorized("/api/auth/logout", loggedOut)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
        assertThat(adminPatch(user, "{\"is_active\":false}").statusCode()).isEqualTo(200);

        await("the other replica refuses both tokens").atMost(WITHIN_SECONDS).until(() ->
                me(other.base(), loggedOut).statusCode() == 401 && me(other.base(), deactivated).statusCode() == 401);
    }

    /** Follows an order's live status; the future completes when the server ends the stream. */
    private CompletableFuture<Void> follow(String token, String orderId) {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = CLIENT.sendAsync(
                Accounts.authorized("/api/orders/" + orderId + "/events", token)
                        .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> ended = response.thenAccept(stream -> {
            streams.add(stream.body());
            stream.body().forEach(lines::add);
        });
        await("the stream opens").atMost(Duration.ofSeconds(30))
                .until(() -> lines.contains("event: status") || ended.isDone());
        return ended;
    }

    private static HttpResponse<String> adminPatch(JsonObject user, String json) {
        return Accounts.sendJson(Accounts.authorized("/api/users/" + user.getJsonNumber("id"),
                Accounts.superuserToken()), "PATCH", json);
    }

    private static HttpResponse<String> me(URI base, String token) {
        return Api.send(Api.request(base, "/api/users/me").header("Authorization", "Bearer " + token).GET());
    }
}
