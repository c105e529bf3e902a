package org.orderplatform.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the Liquibase changelog when the application starts, before anything uses the schema. Liquibase's
 * lock table serialises replicas that start together. If the database is not reachable yet, the migration is
 * retried with backoff; readiness stays DOWN until it has succeeded.
 */
@ApplicationScoped
public class SchemaMigrator {

    static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    @Resource(lookup = "jdbc/orderPlatform")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Logger log;

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
            migrated = true;
            log.info("Database schema is up to date (" + CHANGELOG + ")");
        } catch (Exception e) {
            log.log(Level.WARNING, "Database migration failed; retrying in " + nextDelay.toSeconds() + " s: "
                    + e.getMessage(), e);
            Duration after = nextDelay.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextDelay.multipliedBy(2);
            scheduler.schedule(() -> attempt(after), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void migrate() throws Exception {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                // Liquibase would otherwise try to send usage analytics on every run.
                "liquibase.analytics.enabled", Boolean.FALSE,
                "liquibase.showBanner", Boolean.FALSE);
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute());
        }
    }
}
