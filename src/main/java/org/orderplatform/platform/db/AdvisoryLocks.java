package org.orderplatform.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * PostgreSQL session-level advisory locks: a lock belongs to the connection that took it until it is released or the
 * session ends - so a process that dies frees its locks with its connections, and no lease has to run out. Every
 * replica sharing the database sees the same locks. (They need a real session: with a pooler in front of PostgreSQL,
 * use session pooling.)
 */
public final class AdvisoryLocks {

    private static final Duration RETRY_INTERVAL = Duration.ofMillis(200);

    private AdvisoryLocks() {
    }

    /**
     * Waits until the lock is free and takes it. It asks again and again rather than wait inside pg_advisory_lock: a
     * session waiting there holds a snapshot, and a CREATE INDEX CONCURRENTLY that the lock's holder runs (in a
     * migration) waits for every older snapshot to go - a deadlock PostgreSQL cannot see.
     */
    public static void lock(Connection connection, long key) throws SQLException, InterruptedException {
        while (!tryLock(connection, key)) {
            Thread.sleep(RETRY_INTERVAL.toMillis());
        }
    }

    /** Takes the lock if it is free; false if another session holds it. */
    public static boolean tryLock(Connection connection, long key) throws SQLException {
        return query(connection, "SELECT pg_try_advisory_lock(" + key + ")");
    }

    /**
     * Releases the lock; if that fails, drops the session rather than hand a pooled connection back still holding it.
     */
    public static void unlock(Connection connection, long key) throws SQLException {
        try {
            query(connection, "SELECT pg_advisory_unlock(" + key + ")");
        } catch (SQLException e) {
            connection.abort(Runnable::run);
            throw e;
        }
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() && result.getBoolean(1);
        }
    }
}
