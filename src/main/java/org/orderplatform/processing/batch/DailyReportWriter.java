package org.orderplatform.processing.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** order-report's writer: stores each total, marked with this run's job instance (a restart keeps it). */
@Named("dailyReportWriter")
@Dependent
public class DailyReportWriter extends AbstractItemWriter {

    @Inject
    DailyReports reports;

    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            reports.store((DailyTotal) item, job.getInstanceId());
        }
    }
}
