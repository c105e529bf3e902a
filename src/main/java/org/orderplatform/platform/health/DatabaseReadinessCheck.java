package org.orderplatform.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.orderplatform.platform.db.SchemaMigrator;

/** Ready only while PostgreSQL answers and the schema migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/orderPlatform")
    DataSource dataSource;

    @Inject
    SchemaMigrator migrator;

    @Inject
    Logger log;

    /** Probes come every few seconds: log only when reachability changes. */
    private final AtomicBoolean lastReachable = new AtomicBoolean(true);

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database")
                .withData("schema_migrated", migrator.isMigrated());
        boolean reachable;
        try (Connection connection = dataSource.getConnection()) {
            reachable = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            report(reachable, null);
        } catch (SQLException e) {
            reachable = false;
            report(false, e);
        }
        // Health is public: the cause goes to the log, never into the response.
        return response.withData("reachable", reachable).status(reachable && migrator.isMigrated()).build();
    }

    private void report(boolean reachable, SQLException cause) {
        if (lastReachable.getAndSet(reachable) != reachable) {
            if (reachable) {
                log.info("PostgreSQL is reachable again");
            } else {
                log.log(Level.WARNING, "PostgreSQL is unreachable; the platform is not ready", cause);
            }
        }
    }
}
