package org.orderplatform.processing.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Iterator;
import org.orderplatform.processing.OrderJobs;
import org.orderplatform.processing.ProcessingSettings;

/**
 * order-reconciliation's reader: the stuck jobs at the time the step starts (at most {@value #MAX_PER_RUN}; the
 * next run takes the rest). A restarted run simply looks again - reconciling a job twice does no harm.
 */
@Named("stuckOrderReader")
@Dependent
public class StuckOrderReader extends AbstractItemReader {

    static final int MAX_PER_RUN = 10_000;

    @Inject
    OrderJobs jobs;

    @Inject
    ProcessingSettings settings;

    private Iterator<OrderJobs.StuckJob> stuck;

    @Override
    public void open(Serializable checkpoint) {
        stuck = jobs.stuck(settings.stuckAfter(), MAX_PER_RUN).iterator();
    }

    @Override
    public Object readItem() {
        return stuck.hasNext() ? stuck.next() : null;
    }
}
