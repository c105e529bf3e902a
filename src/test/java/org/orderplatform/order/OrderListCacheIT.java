package org.orderplatform.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.orderplatform.testsupport.Orders.get;
import static org.orderplatform.testsupport.Orders.newCustomer;
import static org.orderplatform.testsupport.Orders.place;
import static org.orderplatform.testsupport.Orders.send;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.Metrics;
import org.orderplatform.testsupport.Orders;
import org.orderplatform.testsupport.TestRedis;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientPauseMode;

/** The Redis cache of order lists with a real Redis: it serves hits, and it is never wrong. */
class OrderListCacheIT {

    static final int ROUNDS = 3;
    /**
     * The hits of every user's lists on the shared test server: a test asks for its list {@value #ROUNDS} times and
     * checks each request was (or was not) a hit, see {@link Metrics#assertMovedPerRound}.
     */
    static final String HITS = "order_cache_hits_total\\{mp_scope=\"application\",?}";
    static final String MISSES = "order_cache_misses_total\\{mp_scope=\"application\",?}";
    static final String ERRORS = "order_cache_errors_total\\{mp_scope=\"application\",?}";

    @Test
    void shouldServeRepeatedListFromCache() {
        String token = newCustomer("cached");
        place(token);
        String first = get(token, "/api/orders").body();
        double hits = Metrics.sample(HITS);

        for (int i = 0; i < ROUNDS; i++) {
            assertThat(get(token, "/api/orders").body()).isEqualTo(first);
        }

        Metrics.assertMovedPerRound(HITS, hits, ROUNDS, 1);
    }

    @Test
    void shouldShowEveryWriteInTheNextList() {
        String token = newCustomer("ryw");
        get(token, "/api/orders");
        String created = place(token).getString("id");
        assertThat(OrdersIT.ids(list(token))).containsExactly(created);

        String path = "/api/orders/" + created;
        Accounts.sendJson(Accounts.authorized(path, token).header("If-Match", "*"), "PUT",
                "{\"items\":[{\"sku\":\"Z\",\"name\":\"Zip\",\"quantity\":1,\"unit_price\":5}]}");
        assertThat(list(token).getJsonArray("items").getJsonObject(0).getString("total")).isEqualTo("5.00");

        send(token, path + "/cancel", "POST");
        assertThat(list(token).getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("CANCELLED");

        send(token, path, "DELETE");
        assertThat(list(token).getInt("total")).isZero();
    }

    @Test
    void shouldShowStatusChangesMadeOutsideTheApi() throws SQLException {
        String token = newCustomer("worker-view");
        String id = place(token).getString("id");
        assertThat(list(token).getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("PENDING");

        // what the processing worker does, in its own transaction
        Database.update("UPDATE orders SET status = 'COMPLETED', version = version + 1 WHERE id = ?::uuid", id);

        assertThat(list(token).getJsonArray("items").getJsonObject(0).getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void shouldNeverShowOneUsersCachedListToAnother() {
        String alice = newCustomer("cache-a");
        String bob = newCustomer("cache-b");
        String hers = place(alice).getString("id");
        String his = place(bob).getString("id"); // both now at the same orders_version
        list(alice);
        list(alice);

        JsonObject bobs = list(bob);

        assertThat(OrdersIT.ids(bobs)).containsExactly(his).doesNotContain(hers);
    }

    @Test
    void shouldAnswerFromPostgresWhileRedisDoesNotAnswer() {
        String token = newCustomer("no-cache");
        place(token);
        list(token);
        double errors = Metrics.sample(ERRORS);
        int redisPort = Integer.getInteger("it.redis.port");

        try (Jedis redis = new Jedis("localhost", redisPort)) {
            redis.clientPause(3000, ClientPauseMode.ALL);
            String created = place(token).getString("id");
            JsonObject page = list(token);
            assertThat(page.getInt("total")).isEqualTo(2);
            assertThat(OrdersIT.ids(page)).first().isEqualTo(created);
        } finally {
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
                try (Jedis redis = new Jedis("localhost", redisPort)) {
                    return "PONG".equals(redis.ping());
                }
            });
        }

        assertThat(Metrics.sample(ERRORS)).isGreaterThan(errors);
        assertThat(list(token).getInt("total")).as("and right again once Redis is back").isEqualTo(2);
    }

    @Test
    void shouldKeepServingCorrectListsWhenRedisStopsAndComesBackEmpty() throws Exception {
        String token = newCustomer("redis-restart");
        place(token);
        list(token);
        double errors = Metrics.sample(ERRORS);

        TestRedis.shutdownLosingData();
        try {
            String created = place(token).getString("id");
            JsonObject withoutRedis = list(token);
            assertThat(withoutRedis.getInt("total")).isEqualTo(2);
            assertThat(OrdersIT.ids(withoutRedis)).first().isEqualTo(created);
            assertThat(Metrics.sample(ERRORS)).isGreaterThan(errors);
        } finally {
            TestRedis.startEmpty();
        }

        place(token);
        assertThat(list(token).getInt("total")).isEqualTo(3);
        assertThat(list(token).getInt("total")).as("now from the cache again").isEqualTo(3);
    }

    @Test
    void shouldKeepOneBoundedExpiringEntryPerUserWhateverListsTheyAskFor() {
        JsonObject user = Accounts.newUser("bounded");
        String token = Accounts.accessToken(user.getString("email"), Accounts.PASSWORD);
        String key = "orders:list:" + user.getJsonNumber("id").longValue();
        place(token);
        for (String sort : List.of("created_at,desc", "created_at,asc", "updated_at,desc", "updated_at,asc",
                "total,desc", "total,asc")) {
            for (int size : List.of(10, 20, 50)) {
                assertThat(get(token, "/api/orders?sort=" + sort + "&size=" + size).statusCode()).isEqualTo(200);
            }
        }

        try (Jedis redis = TestRedis.connect()) {
            assertThat(redis.keys(key + "*")).containsExactly(key);
            assertThat(redis.type(key)).isEqualTo("hash");
            assertThat(redis.hlen(key)).as("10 pages and their version").isEqualTo(11);
            assertThat(redis.ttl(key)).isBetween(1L, 60L);
            String version = redis.hget(key, "version");

            place(token);
            assertThat(list(token).getInt("total")).isEqualTo(2);

            assertThat(redis.keys(key + "*")).containsExactly(key);
            assertThat(redis.hget(key, "version")).isNotEqualTo(version);
            assertThat(redis.hlen(key)).as("the older version's pages are gone").isEqualTo(2);
        }
    }

    @Test
    void shouldReadPagesLargerThanTheLimitFromPostgresEveryTime() {
        JsonObject user = Accounts.newUser("large-pages");
        String token = Accounts.accessToken(user.getString("email"), Accounts.PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertThat(Orders.post(token, Orders.largest(100, "N".repeat(200))).statusCode()).isEqualTo(201);
        }
        String first = get(token, "/api/orders").body();
        assertThat(first.length()).as("a page over 64 KiB").isGreaterThan(65536);
        double hits = Metrics.sample(HITS);
        double misses = Metrics.sample(MISSES);

        for (int i = 0; i < ROUNDS; i++) {
            assertThat(get(token, "/api/orders").body()).isEqualTo(first);
        }

        Metrics.assertMovedPerRound(HITS, hits, ROUNDS, 0);
        Metrics.assertMovedPerRound(MISSES, misses, ROUNDS, 1);
        try (Jedis redis = TestRedis.connect()) {
            assertThat(redis.exists("orders:list:" + user.getJsonNumber("id").longValue())).isFalse();
        }
    }

    @Test
    void shouldReadAListPageWithABoundedNumberOfQueries() throws Exception {
        String token = newCustomer("n-plus-one");
        for (int i = 0; i < 20; i++) {
            place(token);
        }

        List<String> statements = listRequestStatements(token);

        assertThat(statements.stream().filter(sql -> sql.contains("order_lines")).count())
                .as("order lines are read once for the whole page, not once per order").isEqualTo(1);
        assertThat(statements).as("the statements of one list request").hasSizeLessThanOrEqualTo(6);
    }

    private static JsonObject list(String token) {
        return Api.json(get(token, "/api/orders"));
    }

    /**
     * The statements one uncached list request sent, from the database log (log_statement=all): those of the
     * connection that read the order lines, between two marker queries. Processing's background work (the relay,
     * the queue gauges every few seconds) only touches order_jobs and may have used that pooled connection inside
     * the window just before the request took it; such a measurement is repeated (after a new order, so that the
     * list is not cached) rather than guessed apart.
     */
    private static List<String> listRequestStatements(String token) throws Exception {
        for (int attempt = 1; ; attempt++) {
            String marker = UUID.randomUUID().toString().replace("-", "");
            Database.queryString("SELECT 'before-" + marker + "'");
            JsonObject page = Api.json(get(token, "/api/orders?size=20&sort=total,desc"));
            Database.queryString("SELECT 'after-" + marker + "'");
            assertThat(page.getJsonArray("items")).hasSize(20);

            List<String> logged = statementsBetween("before-" + marker, "after-" + marker);
            String backend = logged.stream().filter(line -> line.contains("FROM order_lines")).findFirst()
                    .map(OrderListCacheIT::backendPid).orElseThrow(() -> new AssertionError(
                            "no order lines read by the list request: " + logged));
            List<String> request = logged.stream().filter(line -> backendPid(line).equals(backend)).toList();
            if (request.stream().noneMatch(line -> line.contains("order_jobs")) || attempt == 3) {
                return request;
            }
            place(token); // the next attempt must miss the cache again
        }
    }

    /** The backend process id of a log line ("... UTC [1234] LOG: ..."). */
    private static String backendPid(String line) {
        int open = line.indexOf(" [");
        return open < 0 ? "" : line.substring(open + 2, line.indexOf(']', open));
    }

    /** The statements the test database logged between two marker queries. */
    private static List<String> statementsBetween(String from, String to) throws Exception {
        Path log = Path.of(System.getProperty("it.services.dir"), "postgres.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains(to));
        List<String> lines = Files.readAllLines(log);
        int start = indexOf(lines, from);
        int end = indexOf(lines, to);
        return lines.subList(start + 1, end).stream()
                .filter(line -> line.contains("LOG:  statement:") || line.contains("LOG:  execute"))
                .filter(line -> !line.contains("orders_version") || line.contains("SELECT"))
                .toList();
    }

    private static int indexOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker not in the database log: " + marker);
    }
}
