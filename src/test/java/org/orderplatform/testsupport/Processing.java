package org.orderplatform.testsupport;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Order processing as tests see it: worker replicas, order statuses and their recorded history. */
public final class Processing {

    /** Quick settings for worker replicas in tests: short leases and backoff, a visible fulfilment delay. */
    public static final Map<String, String> FAST = Map.of(
            "FULFILMENT_DELAY_MS", "20",
            "JOB_LEASE_SECONDS", "5",
            "JOB_RETRY_BASE_DELAY_MS", "200",
            "JOB_RETRY_MAX_DELAY_MS", "1000",
            "WORKER_SHUTDOWN_GRACE_SECONDS", "5");

    public static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(2);

    private Processing() {
    }

    /**
     * Closes the jobs of orders that earlier tests left PENDING (the test server processes nothing) and empties the
     * Redis queue, so that a test's orders do not wait behind hundreds of others. Those orders stay PENDING.
     */
    public static void setAsideBacklog() throws SQLException {
        Database.update("UPDATE order_jobs SET state = 'DONE', finished_at = now() WHERE state = 'OPEN'");
        try (redis.clients.jedis.Jedis redis = TestRedis.connect()) {
            redis.del("orders:jobs:queue", "orders:jobs:in-flight", "orders:jobs:leases", "orders:jobs:retries");
        }
    }

    /** {@link #FAST} with more settings. */
    public static Map<String, String> fast(String... moreSettings) {
        Map<String, String> settings = new java.util.HashMap<>(FAST);
        for (int i = 0; i < moreSettings.length; i += 2) {
            settings.put(moreSettings[i], moreSettings[i + 1]);
        }
        return settings;
    }

    /** How many of these orders have this status. */
    public static long count(List<String> orderIds, String status) throws SQLException {
        return Long.parseLong(Database.queryString("SELECT count(*) FROM orders WHERE id = ANY (?::uuid[]) "
                + "AND status = ?", "{" + String.join(",", orderIds) + "}", status));
    }

    public static void awaitAll(List<String> orderIds, String status) {
        await(orderIds.size() + " orders " + status).atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> count(orderIds, status) == orderIds.size());
    }

    /** Waits until all these orders are COMPLETED, and asserts each went through each status exactly once. */
    public static void assertAllCompletedOnce(List<String> orderIds) throws SQLException {
        awaitAll(orderIds, "COMPLETED");
        for (String id : orderIds) {
            org.assertj.core.api.Assertions.assertThat(history(id)).as(id)
                    .containsExactly("null>PENDING", "PENDING>PROCESSING", "PROCESSING>COMPLETED");
        }
    }

    /**
     * Makes the order's job a dead letter, as if its last attempt had failed, and the order FAILED - a state only a
     * worker replica leads to, and the test server runs none. Returns the job's (dead letter's) id.
     */
    public static long buryJobOf(String orderId) throws SQLException {
        Database.update("UPDATE orders SET status = 'FAILED', status_reason = 'simulated failure' "
                + "WHERE id = ?::uuid", orderId);
        return Long.parseLong(Database.queryString("UPDATE order_jobs SET state = 'DEAD', attempts = 1, "
                + "last_error = 'simulated failure', finished_at = now(), claimed_until = NULL "
                + "WHERE order_id = ?::uuid RETURNING id", orderId));
    }

    /**
     * Waits until a batch job execution ({@code /api/admin/jobs/executions/{id}}) has ended, whatever its end, so
     * that a later start of the same job is not refused as running (409). Returns the execution as it ended.
     */
    public static JsonObject awaitJobEnd(String superuserToken, String executionPath) {
        await(executionPath + " ended").atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> !List.of("STARTING", "STARTED").contains(execution(superuserToken, executionPath)
                        .getString("batch_status")));
        return execution(superuserToken, executionPath);
    }

    private static JsonObject execution(String superuserToken, String executionPath) {
        return Api.json(Orders.get(superuserToken, executionPath));
    }

    /** The state of a job (OPEN, DONE or DEAD) as the database has it. */
    public static String jobState(long jobId) throws SQLException {
        return Database.queryString("SELECT state FROM order_jobs WHERE id = ?", jobId);
    }

    /** The order's status as the database has it. */
    public static String status(String orderId) throws SQLException {
        return Database.queryString("SELECT status FROM orders WHERE id = ?::uuid", orderId);
    }

    public static void awaitStatus(String orderId, String status) {
        await("order " + orderId + " " + status).atMost(PROCESSING_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(status(orderId)));
    }

    /** The order's status changes in order, as "FROM>TO" ("null>PENDING" for its creation). */
    public static List<String> history(String orderId) throws SQLException {
        List<String> changes = new ArrayList<>();
        try (Connection db = Database.connect();
             PreparedStatement statement = db.prepareStatement("SELECT from_status, to_status FROM "
                     + "order_status_history WHERE order_id = ?::uuid ORDER BY id")) {
            statement.setString(1, orderId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    changes.add(rows.getString(1) + ">" + rows.getString(2));
                }
            }
        }
        return changes;
    }
}
