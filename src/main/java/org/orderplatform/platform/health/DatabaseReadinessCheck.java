package org.orderplatform.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
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

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("database")
                .withData("schema_migrated", migrator.isMigrated());
        try (Connection connection = dataSource.getConnection()) {
            boolean reachable = connection.isValid(VALIDATION_TIMEOUT_SECONDS);
            return response.withData("reachable", reachable).status(reachable && migrator.isMigrated()).build();
        } catch (SQLException e) {
            return response.withData("reachable", false).withData("error", e.getMessage()).down().build();
        }
    }
}
