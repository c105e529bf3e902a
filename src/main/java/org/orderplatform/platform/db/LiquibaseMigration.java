package org.orderplatform.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings a database up to the application's changelog, one replica at a time: replicas that start together
 * wait for each other, and each changeset is applied exactly once.
 *
 * <p>Liquibase's own lock table is not enough for that: it is itself created (together with the changelog
 * table) before it can be taken, and concurrent first starts on an empty database race there and fail. A
 * PostgreSQL advisory lock held for the whole run serialises everything, table creation included.
 */
public final class LiquibaseMigration {

    public static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    /** Any constant unique to this purpose; "orderplt" in ASCII. */
    static final long ADVISORY_LOCK_KEY = 0x6f72_6465_7270_6c74L;

    private final ClassLoader resources;

    public LiquibaseMigration(ClassLoader resources) {
        this.resources = resources;
    }

    /** Where the migration gets its connections: a DataSource's {@code getConnection}, or a driver. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * Waits for the migration lock, applies the changelog, and releases the lock. The lock is held on a connection
     * of its own, so that whatever state Liquibase leaves its connection in, the lock can always be released.
     */
    public void apply(Connections connections) throws Exception {
        try (Connection lock = connections.open()) {
            AdvisoryLocks.lock(lock, ADVISORY_LOCK_KEY);
            try (Connection work = connections.open()) {
                update(work);
                // Liquibase's last reads leave a transaction open; end it rather than leave it to the server,
                // which would roll it back and warn about it at every start.
                if (!work.getAutoCommit()) {
                    work.commit();
                }
            } finally {
                AdvisoryLocks.unlock(lock, ADVISORY_LOCK_KEY);
            }
        }
    }

    private void update(Connection connection) throws Exception {
        Map<String, Object> scope = Map.of(
                Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(resources),
                // Liquibase would otherwise try to send usage analytics on every run.
                "liquibase.analytics.enabled", Boolean.FALSE,
                "liquibase.showBanner", Boolean.FALSE);
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .execute());
    }
}
