package org.orderplatform.processing.batch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobStartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.orderplatform.platform.db.AdvisoryLocks;

/**
 * One run of each batch job at a time across every replica: a PostgreSQL advisory lock per job, taken before the run
 * starts and held until it ends. A keeper task holds it, on a connection of its own that nothing else uses - an
 * advisory lock belongs to the session that took it, and the run itself spans many transactions and threads. A
 * replica that dies mid-run frees the job with its connection: at once when the process is killed, and within about a
 * minute (TCP keepalives set below) when its host vanishes.
 */
@ApplicationScoped
public class JobRunLocks {

    /** "opjb" in the upper half of every key, so that job locks never meet the platform's other advisory locks. */
    static final long KEY_SPACE = 0x6f70_6a62L << 32;
    static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(30);
    /** How often a keeper checks the run has not ended unnoticed (its end normally releases it at once). */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(15);
    /** Keepalives find a vanished replica soon (idle_session_timeout must stay 0: see docs/operations.md). */
    private static final Map<String, String> SESSION_SETTINGS = Map.of("tcp_keepalives_idle", "30",
            "tcp_keepalives_interval", "10", "tcp_keepalives_count", "3");

    @Resource(lookup = "jdbc/orderPlatform")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Logger log;

    private final Map<String, Keeper> held = new ConcurrentHashMap<>();

    /** The lock of a job, held until {@link #release} or until the execution it was {@link #heldFor} ends. */
    interface Held {
        void heldFor(long execution);
    }

    /**
     * Takes the job's lock; empty if a run of the job holds it, on this replica or another. Throws
     * JobStartException if the database cannot tell.
     */
    Optional<Held> tryAcquire(String job) {
        Keeper keeper = new Keeper(job);
        try {
            executor.execute(keeper);
        } catch (RejectedExecutionException e) {
            throw new JobStartException(e);
        }
        boolean acquired;
        try {
            acquired = keeper.acquired.get(ACQUIRE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            keeper.runEnded.countDown();
            Thread.currentThread().interrupt();
            throw new JobStartException(e);
        } catch (ExecutionException | TimeoutException e) {
            // should the keeper still get the lock, it lets it go at once
            keeper.runEnded.countDown();
            throw new JobStartException(e);
        }
        if (!acquired) {
            return Optional.empty();
        }
        held.put(job, keeper);
        return Optional.of(keeper);
    }

    /** The executions whose locks this replica holds: the runs it started that have not ended. */
    List<Long> executionsHeld() {
        return held.values().stream().map(keeper -> keeper.execution).filter(execution -> execution >= 0).toList();
    }

    /** The job's run has ended (or never started): its lock is released before this returns. */
    void release(String job) {
        Keeper keeper = held.remove(job);
        if (keeper != null) {
            keeper.runEnded.countDown();
            try {
                keeper.released.get(ACQUIRE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.log(Level.WARNING, "The run lock of " + job + " was not released in time", e);
            }
        }
    }

    @PreDestroy
    void releaseAll() {
        held.keySet().forEach(this::release);
    }

    private long key(String job) {
        return KEY_SPACE | (job.hashCode() & 0xffff_ffffL);
    }

    /** Takes the lock, holds it while the run goes on, releases it - all on one connection, on one thread. */
    private final class Keeper implements Runnable, Held {

        final String job;
        final CompletableFuture<Boolean> acquired = new CompletableFuture<>();
        final CountDownLatch runEnded = new CountDownLatch(1);
        final CompletableFuture<Void> released = new CompletableFuture<>();
        private volatile long execution = -1;

        Keeper(String job) {
            this.job = job;
        }

        @Override
        public void heldFor(long execution) {
            this.execution = execution;
        }

        @Override
        public void run() {
            try (Connection connection = dataSource.getConnection()) {
                if (!AdvisoryLocks.tryLock(connection, key(job))) {
                    acquired.complete(false); // a refused start costs one query: it happens at every scheduled tick
                    return;
                }
                try {
                    applySessionSettings(connection, true);
                    acquired.complete(true);
                    awaitRunEnd();
                } finally {
                    AdvisoryLocks.unlock(connection, key(job));
                    applySessionSettings(connection, false);
                }
            } catch (SQLException e) {
                acquired.completeExceptionally(e);
                log.log(Level.WARNING, "The run lock of " + job + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.remove(job, this);
                released.complete(null);
            }
        }

        /** Until the run ends; when its state cannot be read (a database blip), it is taken to be still running. */
        private void awaitRunEnd() throws InterruptedException {
            while (!runEnded.await(CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    if (execution >= 0
                            && BatchRuntime.getJobOperator().getJobExecution(execution).getEndTime() != null) {
                        return;
                    }
                } catch (RuntimeException e) {
                    log.log(Level.FINE, "Could not read whether run " + execution + " of " + job + " ended", e);
                }
            }
        }

        /** Sets {@link #SESSION_SETTINGS} for the time the lock is held, or resets them before the pool has it back. */
        private void applySessionSettings(Connection connection, boolean set) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (Map.Entry<String, String> setting : SESSION_SETTINGS.entrySet()) {
                    statement.execute(set ? "SET " + setting.getKey() + " = " + setting.getValue()
                            : "RESET " + setting.getKey());
                }
            }
        }
    }
}
