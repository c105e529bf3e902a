package org.orderplatform.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Direct SQL on the test server's database: for setting up states no API leads to yet, and for checking. */
public final class Database {

    private Database() {
    }

    private static final String SERVER = "jdbc:postgresql://localhost:" + System.getProperty("it.db.port") + "/";

    public static Connection connect() throws SQLException {
        return connect("orderplatform");
    }

    /** Another database of the test PostgreSQL (e.g. an empty one a test made), as the application's user. */
    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(SERVER + database, "orderplatform", "orderplatform");
    }

    /** A new, empty database of the test PostgreSQL owned by the application's user (dropped first if it exists). */
    public static void createEmpty(String database) throws SQLException {
        drop(database);
        asPostgres("CREATE DATABASE " + database + " OWNER orderplatform");
    }

    public static void drop(String database) throws SQLException {
        asPostgres("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void asPostgres(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static int update(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    public static String queryString(String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** Rows per table, e.g. to show that a refused request changed nothing. */
    public static Map<String, Long> rowCounts(String... tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, Long.parseLong(queryString("SELECT count(*) FROM " + table)));
        }
        return counts;
    }
}
