package org.orderplatform.processing.batch;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
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
 * {@code RECONCILIATION_INTERVAL_SECONDS} on replicas that run workers (skipped while a run is still going).
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
    Logger log;

    private ScheduledFuture<?> schedule;

    /** Starts a job; its execution id. */
    public long start(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no job " + name);
        }
        return operator().start(name, new Properties());
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
    }

    private void reconcile() {
        try {
            if (running(RECONCILIATION).isEmpty()) {
                start(RECONCILIATION);
            }
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not start the scheduled " + RECONCILIATION + ": " + e.getMessage(), e);
        }
    }

    private List<Long> running(String name) {
        try {
            return operator().getRunningExecutions(name);
        } catch (NoSuchJobException neverRan) {
            return List.of();
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
