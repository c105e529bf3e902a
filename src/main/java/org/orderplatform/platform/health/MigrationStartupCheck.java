package org.orderplatform.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;
import org.orderplatform.platform.db.SchemaMigrator;

/** Started once the schema migrations have run: Kubernetes holds liveness probes back until then. */
@Startup
@ApplicationScoped
public class MigrationStartupCheck implements HealthCheck {

    @Inject
    SchemaMigrator migrator;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("schema-migrations").status(migrator.isMigrated()).build();
    }
}
