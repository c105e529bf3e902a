package org.orderplatform.processing.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * order-report's reader: the totals per day, status and currency, computed by PostgreSQL when the step starts. The
 * checkpoint is the number of totals written, so a restarted run goes on where it stopped.
 */
@Named("dailyOrderTotalsReader")
@Dependent
public class DailyOrderTotalsReader extends AbstractItemReader {

    @Inject
    DailyReports reports;

    private List<DailyTotal> totals;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        totals = reports.aggregate();
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < totals.size() ? totals.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
