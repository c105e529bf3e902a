package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Accounts;
import org.orderplatform.testsupport.Api;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.ExtraServer;
import org.orderplatform.testsupport.Orders;

/**
 * The batch jobs, run through the admin API of a replica that is then restarted: both complete, their history is
 * still there afterwards (the job repository is in PostgreSQL), and the daily report matches the orders.
 */
class BatchJobsIT {

    static ExtraServer replica;

    @BeforeAll
    static void startReplica() {
        // the api role: nothing processes orders, so the report can be compared with a stable set of orders
        replica = ExtraServer.start("batchReplica", Map.of("APP_ROLE", "api"));
    }

    @AfterAll
    static void stopReplica() {
        if (replica != null) {
            replica.stop();
        }
    }

    @Test
    void shouldRunBothJobsToCompletionAndKeepTheirHistoryAcrossARestart() {
        String admin = Accounts.superuserToken();
        Orders.place(Orders.newCustomer("report"));

        long reconciliation = startJob(admin, "order-reconciliation");
        long report = startJob(admin, "order-report");
        JsonObject reconciled = awaitCompleted(admin, reconciliation);
        JsonObject reported = awaitCompleted(admin, report);
        assertThat(reconciled.getString("job_name")).isEqualTo("order-reconciliation");
        assertThat(reported.getString("job_name")).isEqualTo("order-report");
        assertThat(reported.getString("exit_status")).isEqualTo("COMPLETED");
        assertThat(reported.getString("start_time")).isNotBlank();
        assertThat(reported.getString("end_time")).isNotBlank();

        replica.stop();
        replica.start();

        assertThat(Api.json(execution(admin, reconciliation))).isEqualTo(reconciled);
        assertThat(Api.json(execution(admin, report))).isEqualTo(reported);
    }

    @Test
    void shouldReportOrdersPerDayStatusAndCurrency() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String admin = Accounts.superuserToken();
        String customer = Orders.newCustomer("reported");
        Orders.place(customer);
        Orders.post(customer, "{\"items\":[{\"sku\":\"E-1\",\"name\":\"Euro thing\",\"quantity\":2,"
                + "\"unit_price\":\"5.25\"}],\"currency\":\"EUR\"}");
        awaitCompleted(admin, startJob(admin, "order-report"));

        List<String> reported = reportedRows(admin, today);
        assertThat(reported).isEqualTo(expectedRows(today));

        HttpResponse<String> csv = send(admin, "/api/admin/reports/daily?from=" + today + "&to=" + today, "GET",
                "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("day,status,currency,orders,revenue");
        assertThat(lines.subList(1, lines.size())).isEqualTo(reported.stream().map(row -> row.replace(' ', ','))
                .toList());
    }

    @Test
    void shouldForgetIdempotencyKeysOlderThanTheirLifetime() throws Exception {
        String admin = Accounts.superuserToken();
        String customer = Orders.newCustomer("forgetful");
        String key = "retry-" + UUID.randomUUID();
        HttpResponse<String> first = placeWithKey(customer, key);
        assertThat(first.statusCode()).isEqualTo(201);
        Database.update("UPDATE order_idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = ?",
                key);

        awaitCompleted(admin, startJob(admin, "order-reconciliation"));

        assertThat(Database.queryString("SELECT count(*) FROM order_idempotency_keys WHERE key = ?", key))
                .isEqualTo("0");
        HttpResponse<String> again = placeWithKey(customer, key);
        assertThat(again.statusCode()).as("a new order: the key was forgotten").isEqualTo(201);
        assertThat(Api.json(again).getString("id")).isNotEqualTo(Api.json(first).getString("id"));
    }

    @Test
    void shouldPurgeEndedLoginSessionsAndCompletedJobsAfterTheirRetentionInBatches() throws Exception {
        String admin = Accounts.superuserToken();
        long user = Accounts.newUser("retention").getJsonNumber("id").longValue();
        Map<String, UUID> sessions = new LinkedHashMap<>();
        for (String[] session : new String[][] {{"expired 31 days ago", "now() - interval '31 days'", "NULL"},
                {"revoked 31 days ago", "now() + interval '1 day'", "now() - interval '31 days'"},
                {"expired yesterday", "now() - interval '1 day'", "NULL"},
                {"revoked yesterday", "now() + interval '1 day'", "now() - interval '1 day'"},
                {"live", "now() + interval '1 day'", "NULL"}}) {
            UUID id = UUID.randomUUID();
            sessions.put(session[0], id);
            Database.update("INSERT INTO refresh_token_families (id, public_id, user_id, current_token_hash, "
                    + "created_at, expires_at, revoked_at) VALUES (?, gen_random_uuid(), ?, repeat('0', 64), "
                    + "now() - interval '60 days', " + session[1] + ", " + session[2] + ")", id, user);
        }
        Database.update("INSERT INTO refresh_token_families (id, public_id, user_id, current_token_hash, created_at, "
                + "expires_at) SELECT gen_random_uuid(), gen_random_uuid(), ?, repeat('0', 64), now() - interval "
                + "'60 days', now() - interval '40 days' FROM generate_series(1, 2500)", user);
        String order = Orders.place(Orders.newCustomer("retention-jobs")).getString("id");
        Database.update("INSERT INTO order_jobs (order_id, state, finished_at) SELECT ?::uuid, 'DONE', "
                + "now() - interval '31 days' FROM generate_series(1, 2500)", order);
        Database.update("INSERT INTO order_jobs (order_id, state, finished_at) VALUES "
                + "(?::uuid, 'DONE', now() - interval '1 day'), (?::uuid, 'DEAD', now() - interval '31 days')",
                order, order);

        awaitCompleted(admin, startJob(admin, "order-reconciliation"));

        assertThat(Database.queryString("SELECT string_agg(id::text, ',') FROM refresh_token_families "
                + "WHERE user_id = ?", user).split(",")).containsExactlyInAnyOrder(
                        sessions.get("expired yesterday").toString(), sessions.get("revoked yesterday").toString(),
                        sessions.get("live").toString());
        assertThat(Database.queryString("SELECT string_agg(state || ' ' || CASE WHEN finished_at IS NULL THEN '-' "
                + "WHEN finished_at > now() - interval '2 days' THEN 'recent' ELSE 'old' END, ',' ORDER BY state) "
                + "FROM order_jobs WHERE order_id = ?::uuid", order))
                .as("the order's own open job, the job completed yesterday and the dead letter stay")
                .isEqualTo("DEAD old,DONE recent,OPEN -");
    }

    @Test
    void shouldReportAnyRevenueTheApiCanProduce() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String admin = Accounts.superuserToken();
        HttpResponse<String> largest = Orders.post(Orders.newCustomer("big-spender"), Orders.largest(100, "Gold"));
        assertThat(largest.statusCode()).as(largest.body()).isEqualTo(201);
        String maximum = Api.json(largest).getString("total");
        assertThat(maximum).isEqualTo("9999999999990000.00");
        // 100,100 more such orders in one day (100 each of 1,001 customers): their revenue has 22 integer digits
        String customers = "big-spenders-" + UUID.randomUUID();
        Database.update("INSERT INTO users (email, email_key, password_hash) SELECT e, e, 'none' FROM "
                + "(SELECT ? || '-' || n || '@example.org' AS e FROM generate_series(1, 1001) n) emails", customers);
        Database.update("INSERT INTO orders (id, owner_id, currency, status, total, created_at, updated_at, version) "
                + "SELECT gen_random_uuid(), users.id, 'CHF', 'CANCELLED', ?::numeric, now(), now(), 1 "
                + "FROM users CROSS JOIN generate_series(1, 100) WHERE users.email LIKE ? || '-%'", maximum,
                customers);
        try {
            awaitCompleted(admin, startJob(admin, "order-report"));

            List<String> reported = reportedRows(admin, today);
            assertThat(reported).isEqualTo(expectedRows(today));
            assertThat(reported).anySatisfy(row -> assertThat(row).matches(
                    today + " CANCELLED CHF \\d+ \\d{22}\\.\\d{2}"));
        } finally {
            Database.update("DELETE FROM users WHERE email LIKE ? || '-%'", customers);
        }
    }

    /** Today's rows of the daily report as the API gives them: "day status currency orders revenue". */
    private static List<String> reportedRows(String token, String day) {
        HttpResponse<String> json = send(token, "/api/admin/reports/daily?from=" + day + "&to=" + day, "GET",
                "application/json");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        List<String> reported = new ArrayList<>();
        Api.json(json).getJsonArray("days").getValuesAs(JsonObject.class).forEach(row -> reported.add(
                row.getString("day") + " " + row.getString("status") + " " + row.getString("currency") + " "
                        + row.getJsonNumber("orders").longValue() + " " + row.getString("revenue")));
        return reported;
    }

    @Test
    void shouldRunOneReportAtATimeAcrossReplicasHoweverLongItsStepsTake() throws Exception {
        String admin = Accounts.superuserToken();
        Orders.place(Orders.newCustomer("one-at-a-time"));
        long running;
        try (Connection blocker = Database.connect(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // the report's writes wait: the run goes on, silent, until the blocker lets go
            statement.execute("LOCK TABLE order_daily_report IN EXCLUSIVE MODE");
            running = startJob(admin, "order-report");
            awaitReportWaitingToWrite();
            lastUpdatedAnHourAgo(running);

            for (URI base : List.of(replica.base(), Api.BASE)) {
                HttpResponse<String> second = send(base, admin, "/api/admin/jobs/order-report", "POST",
                        "application/json");
                assertThat(second.statusCode()).as(base + ": " + second.body()).isEqualTo(409);
                assertThat(Api.json(second).getString("type")).endsWith("/problems/job-running");
            }
            blocker.rollback();
        }
        awaitCompleted(admin, running);

        HttpResponse<String> next = send(Api.BASE, admin, "/api/admin/jobs/order-report", "POST", "application/json");
        assertThat(next.statusCode()).as("the run has ended: another replica may start one").isEqualTo(202);
        awaitCompleted(admin, Api.json(next).getJsonNumber("execution_id").longValue());
    }

    @Test
    void shouldFreeAJobAtOnceWhenTheReplicaRunningItDies() throws Exception {
        String admin = Accounts.superuserToken();
        try (Connection blocker = Database.connect(); Statement statement = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            statement.execute("LOCK TABLE order_daily_report IN EXCLUSIVE MODE");
            startJob(admin, "order-report");
            awaitReportWaitingToWrite();

            replica.kill();
        }
        HttpResponse<String> next;
        try {
            // its run stays STARTED in the job repository for good; only the database session it held has ended
            next = await("a start on another replica").atMost(Duration.ofSeconds(30))
                    .until(() -> send(Api.BASE, admin, "/api/admin/jobs/order-report", "POST", "application/json"),
                            response -> response.statusCode() != 409);
        } finally {
            replica.start();
        }
        assertThat(next.statusCode()).as(next.body()).isEqualTo(202);
        awaitCompleted(admin, Api.json(next).getJsonNumber("execution_id").longValue());
    }

    private static void awaitReportWaitingToWrite() {
        await("the report waiting to write").atMost(Duration.ofMinutes(1)).until(() -> !"0".equals(
                Database.queryString("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                        + "AND query LIKE 'INSERT INTO order_daily_report%'")));
    }

    /** The execution as a step that has run for an hour leaves it in the job repository (Liberty's, in jbatch). */
    private static void lastUpdatedAnHourAgo(long execution) throws Exception {
        try (Connection db = Database.connect(); Statement statement = db.createStatement()) {
            statement.execute("SET lock_timeout = '10s'");
            assertThat(statement.executeUpdate("UPDATE jbatch.jobexecution SET updatetime = now() - interval "
                    + "'1 hour' WHERE jobexecid = " + execution)).isEqualTo(1);
        }
    }

    private static HttpResponse<String> placeWithKey(String token, String key) {
        return Accounts.sendJson(Accounts.authorized("/api/orders", token).header("Idempotency-Key", key), "POST",
                Orders.VALID);
    }

    @Test
    void shouldRejectBadReportRangesAndUnknownJobs() {
        String admin = Accounts.superuserToken();
        assertInvalid(send(admin, "/api/admin/reports/daily?from=2026-02-01&to=2026-01-01",
                "GET", "application/json"), "from");
        assertInvalid(send(admin, "/api/admin/reports/daily?from=yesterday", "GET",
                "application/json"), "from");
        assertInvalid(send(admin, "/api/admin/reports/daily?from=2024-01-01&to=2026-01-01",
                "GET", "application/json"), "from");
        HttpResponse<String> unknown = send(admin, "/api/admin/jobs/drop-everything", "POST", "application/json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send(admin, "/api/admin/jobs/executions/999999999", "GET", "application/json").statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldRefuseTheAdminApiToCustomers() {
        String customer = Orders.newCustomer("not-admin");
        for (String[] call : new String[][] {{"GET", "/api/admin/queue"}, {"GET", "/api/admin/dead-letters"},
                {"POST", "/api/admin/dead-letters/1/replay"}, {"POST", "/api/admin/jobs/order-report"},
                {"GET", "/api/admin/jobs/executions/1"}, {"GET", "/api/admin/reports/daily"}}) {
            assertThat(send(customer, call[1], call[0], "application/json").statusCode()).as(call[1]).isEqualTo(403);
        }
        assertThat(Api.send(Api.request("/api/admin/queue")).statusCode()).isEqualTo(401);
    }

    /** What the report must say for the day: computed here from the orders table itself. */
    private static List<String> expectedRows(String day) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection db = Database.connect();
             PreparedStatement statement = db.prepareStatement("SELECT status, currency, count(*), sum(total) "
                     + "FROM orders WHERE (created_at AT TIME ZONE 'UTC')::date = ?::date "
                     + "GROUP BY 1, 2 ORDER BY 1, 2")) {
            statement.setString(1, day);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(day + " " + result.getString(1) + " " + result.getString(2).trim() + " "
                            + result.getLong(3) + " " + result.getBigDecimal(4).setScale(2).toPlainString());
                }
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    private static long startJob(String token, String name) {
        HttpResponse<String> started = send(token, "/api/admin/jobs/" + name, "POST", "application/json");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = Api.json(started).getJsonNumber("execution_id").longValue();
        assertThat(started.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/api/admin/jobs/executions/" + id));
        return id;
    }

    private static JsonObject awaitCompleted(String token, long execution) {
        await("execution " + execution).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> !List.of("STARTING", "STARTED").contains(
                        Api.json(execution(token, execution)).getString("batch_status")));
        JsonObject done = Api.json(execution(token, execution));
        assertThat(done.getString("batch_status")).as(done.toString()).isEqualTo("COMPLETED");
        return done;
    }

    private static HttpResponse<String> execution(String token, long id) {
        return send(token, "/api/admin/jobs/executions/" + id, "GET", "application/json");
    }

    private static HttpResponse<String> send(String token, String path, String method, String accept) {
        return send(replica.base(), token, path, method, accept);
    }

    private static HttpResponse<String> send(URI base, String token, String path, String method, String accept) {
        return Api.send(Api.request(base, path).header("Authorization", "Bearer " + token)
                .header("Accept", accept).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static void assertInvalid(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(Api.json(response).getJsonArray("errors").getValuesAs(JsonObject.class))
                .anySatisfy(error -> assertThat(error.getString("field")).isEqualTo(field));
    }
}
