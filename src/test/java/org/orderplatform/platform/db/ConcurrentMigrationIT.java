package org.orderplatform.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Database;

/**
 * Several replicas starting at once against an empty database (here: four threads on a fresh database of the
 * test PostgreSQL) all succeed, and every changeset is applied exactly once.
 */
class ConcurrentMigrationIT {

    static final String DATABASE = "migration_race";
    static final int REPLICAS = 4;

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        Database.createEmpty(DATABASE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        Database.drop(DATABASE);
    }

    @Test
    void shouldApplyEachChangesetOnceWhenReplicasMigrateTogether() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                runs.add(replicas.submit((Callable<Void>) () -> {
                    start.await();
                    new LiquibaseMigration(getClass().getClassLoader()).apply(() -> Database.connect(DATABASE));
                    return null;
                }));
            }
            start.countDown();
            for (Future<Void> run : runs) {
                run.get(); // rethrows a failed migration
            }
        } finally {
            replicas.shutdownNow();
        }

        try (Connection connection = Database.connect(DATABASE); Statement statement = connection.createStatement()) {
            assertThat(rows(statement, "SELECT id FROM databasechangelog ORDER BY orderexecuted"))
                    .containsExactly("001-users", "002-refresh-token-families", "003-orders",
                            "004-order-processing", "005-daily-report-revenue-unbounded", "005-retention-indexes",
                            "006-tokens-valid-after", "006-refresh-previous-token", "006-email-key");
            assertThat(rows(statement, "SELECT locked::text FROM databasechangeloglock")).containsExactly("false");
            assertThat(rows(statement, "SELECT to_regclass('public.users')::text")).containsExactly("users");
        }
    }


    private static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
