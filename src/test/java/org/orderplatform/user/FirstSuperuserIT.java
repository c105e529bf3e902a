package org.orderplatform.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderplatform.testsupport.Database;
import org.orderplatform.testsupport.ExtraServer;

/**
 * The bootstrap superuser ({@code FIRST_SUPERUSER_EMAIL}) is created once, by one of several replicas starting
 * together on an empty database, and never again once a superuser exists: an administrator deleted on purpose does
 * not come back with the configured password at the next start. Real replicas on a database of their own.
 */
class FirstSuperuserIT {

    static final String DATABASE = "first_superuser";
    static final Map<String, String> SETTINGS = Map.of("DB_NAME", DATABASE, "APP_ROLE", "api");

    private final List<ExtraServer> replicas = new ArrayList<>();

    @BeforeEach
    void createEmptyDatabase() throws SQLException {
        Database.createEmpty(DATABASE);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        replicas.forEach(ExtraServer::stop);
        Database.drop(DATABASE);
    }

    @Test
    void shouldStartTwoReplicasTogetherOnAnEmptyDatabaseWithOneSuperuserAndNotReviveADeletedOne() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<ExtraServer> first = starting.submit(() -> ExtraServer.start("firstSuperuserA", SETTINGS));
            Future<ExtraServer> second = starting.submit(() -> ExtraServer.start("firstSuperuserB", SETTINGS));
            replicas.add(first.get());
            replicas.add(second.get());
        } finally {
            starting.shutdownNow();
        }
        assertThat(query("SELECT email FROM users WHERE is_superuser"))
                .containsExactly(System.getProperty("it.superuser.email"));

        execute("INSERT INTO users (email, email_key, full_name, password_hash, is_superuser) "
                + "VALUES ('successor@example.org', 'successor@example.org', 'Successor', 'x', true)");
        execute("DELETE FROM users WHERE email = '" + System.getProperty("it.superuser.email") + "'");
        replicas.get(0).stop();
        replicas.get(0).start();

        assertThat(query("SELECT email FROM users WHERE is_superuser")).containsExactly("successor@example.org");
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = Database.connect(DATABASE); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = Database.connect(DATABASE); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

}
