package org.orderplatform.processing.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.orderplatform.processing.OrderJobSteps;
import org.orderplatform.processing.OrderJobs;
import org.orderplatform.processing.ProcessingMetrics;

/** order-reconciliation's writer: requeues each stuck job, or gives its order up (in the chunk's transaction). */
@Named("stuckOrderWriter")
@Dependent
public class StuckOrderWriter extends AbstractItemWriter {

    @Inject
    OrderJobSteps steps;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    @Override
    public void writeItems(List<Object> items) {
        long requeued = 0;
        long givenUp = 0;
        for (Object item : items) {
            switch (steps.reconcile((OrderJobs.StuckJob) item)) {
                case REQUEUED -> requeued++;
                case GIVEN_UP -> givenUp++;
                case NO_LONGER_STUCK -> { }
            }
        }
        metrics.counter(ProcessingMetrics.JOBS_REQUEUED).inc(requeued);
        metrics.counter(ProcessingMetrics.JOBS_GIVEN_UP).inc(givenUp);
        log.info("Reconciliation: " + requeued + " stuck jobs back in the outbox, " + givenUp + " orders given up");
    }
}
