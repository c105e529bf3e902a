package org.orderplatform.platform.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running server: the server's DataSource reaches the real PostgreSQL, and the application's
 * Liquibase run has applied the changelog (schema and constraints behave as designed).
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseSchemaIT {

    @Resource(lookup = "jdbc/orderPlatform")
    DataSource dataSource;

    @Deployment
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "schema-probe.war").addClass(DatabaseSchemaIT.class);
    }

    @Test
    void shouldReachPostgres17ThroughTheServerDataSource() throws SQLException {
        assertTrue(query("SHOW server_version").get(0).startsWith("17."));
        assertEquals("orderplatform", query("SELECT current_database()").get(0));
    }

    @Test
    void shouldHaveRecordedEveryChangesetAndReleasedTheLock() throws SQLException {
        assertTrue(query("SELECT id FROM databasechangelog").contains("001-users"));
        assertEquals(List.of("false"), query("SELECT locked::text FROM databasechangeloglock"));
    }

    @Test
    void shouldRejectSecondUserWithSameEmailInOtherCase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertUser(connection, "Ada@Example.org");
                SQLException duplicate = assertThrows(SQLException.class,
                        () -> insertUser(connection, "ada@example.ORG"));
                assertEquals("23505", duplicate.getSQLState(), "unique violation");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void shouldDefaultNewUsersToActiveNonSuperuser() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insertUser(connection, "grace@example.org");
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT is_active, is_superuser, created_at IS NOT NULL FROM users WHERE email = ?")) {
                    select.setString(1, "grace@example.org");
                    try (ResultSet row = select.executeQuery()) {
                        assertTrue(row.next());
                        assertTrue(row.getBoolean(1));
                        assertFalse(row.getBoolean(2));
                        assertTrue(row.getBoolean(3));
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static void insertUser(Connection connection, String email) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (email, email_key, full_name, password_hash) VALUES (?, lower(?), 'Test', "
                        + "'not-a-real-hash')")) {
            insert.setString(1, email);
            insert.setString(2, email);
            insert.executeUpdate();
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
