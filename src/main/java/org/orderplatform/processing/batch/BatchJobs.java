package org.orderplatform.processing.batch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.orderplatform.platform.db.SchemaReady;
import org.orderplatform.processing.ProcessingSettings;

/**
 * The platform's Jakarta Batch jobs: starting them, reading their executions, and running order-reconciliation every
 * {@code RECONCILIATION_INTERVAL_SECONDS} on replicas that run workers. One run of a job at a time across all
 * replicas ({@link JobRunLocks}): a start while another run is going on anywhere is refused, and so is a scheduled run
 * on one worker replica while another's runs.
 */
@ApplicationScoped
public class BatchJobs {

    public static final String RECONCILIATION = "order-reconciliation";
    public static final String REPORT = "order-report";
    public static final Set<String> NAMES = Set.of(RECONCILIATION, REPORT);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ProcessingSettings settings;

    @Inject
    JobRunLocks locks;

    @Inject
    Logger log;

    private ScheduledFuture<?> schedule;

    /** Starts a job unless a run of it is going on (on any replica); its execution id, or empty if one is running. */
    public Optional<Long> start(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no job " + name);
        }
        Optional<JobRunLocks.Held> lock = locks.tryAcquire(name);
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try {
            long execution = operator().start(name, new Properties());
            lock.get().heldFor(execution);
            return Optional.of(execution);
        } catch (RuntimeException e) {
            locks.release(name);
            throw e;
        }
    }

    public Optional<ExecutionView> execution(long id) {
        try {
            return Optional.of(ExecutionView.of(operator().getJobExecution(id)));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    void scheduleReconciliation(@Observes SchemaReady ready) {
        long seconds = settings.reconciliationInterval().toSeconds();
        if (settings.role().works() && seconds > 0) {
            schedule = scheduler.scheduleWithFixedDelay(this::reconcile, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        for (long execution : locks.executionsHeld()) { // runs of this replica: stopped, not left STARTED
            try {
                if (operator().getJobExecution(execution).getBatchStatus() == BatchStatus.STARTED) {
                    operator().stop(execution);
                }
            } catch (RuntimeException e) {
                log.log(Level.FINE, "Could not stop execution " + execution + " while stopping", e);
            }
        }
    }

    private void reconcile() {
        try {
            if (start(RECONCILIATION).isEmpty()) {
                log.fine("The scheduled " + RECONCILIATION + " is skipped: a run is going on");
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not start the scheduled " + RECONCILIATION + ": " + e.getMessage(), e);
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
