package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

        HttpResponse<String> json = send(admin, "/api/admin/reports/daily?from=" + today + "&to=" + today, "GET",
                "application/json");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        List<String> reported = new ArrayList<>();
        Api.json(json).getJsonArray("days").getValuesAs(JsonObject.class).forEach(row -> reported.add(
                row.getString("day") + " " + row.getString("status") + " " + row.getString("currency") + " "
                        + row.getJsonNumber("orders").longValue() + " " + row.getString("revenue")));
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
        return Api.send(Api.request(replica.base(), path).header("Authorization", "Bearer " + token)
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
