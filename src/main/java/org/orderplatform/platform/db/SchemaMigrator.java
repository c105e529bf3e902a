package org.orderplatform.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies the Liquibase changelog ({@link LiquibaseMigration}) when the application starts, before anything uses
 * the schema. If the database is not reachable yet, the migration is retried with backoff; readiness stays DOWN
 * until it has succeeded.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    @Resource(lookup = "jdbc/orderPlatform")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Logger log;

    @Inject
    Event<SchemaReady> schemaReady;

    private volatile boolean migrated;

    void onStartup(@Observes Startup startup) {
        attempt(FIRST_RETRY);
    }

    /** True once the changelog has been applied in full by this instance. */
    public boolean isMigrated() {
        return migrated;
    }

    private void attempt(Duration nextDelay) {
        try {
            migrate();
        } catch (Exception e) {
            log.log(Level.WARNING, "Database migration failed; retrying in " + nextDelay.toSeconds() + " s: "
                    + e.getMessage(), e);
            Duration after = nextDelay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextDelay.multipliedBy(2);
            scheduler.schedule(() -> attempt(after), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        migrated = true;
        log.info("Database schema is up to date (" + LiquibaseMigration.CHANGELOG + ")");
        schemaReady.fire(new SchemaReady());
    }

    private void migrate() throws Exception {
        new LiquibaseMigration(getClass().getClassLoader()).apply(dataSource::getConnection);
    }
}
