package org.orderplatform.processing.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/** order-report's last step: rows an earlier run wrote for groups that have no orders any more go. */
@Named("staleReportRowsRemover")
@Dependent
public class StaleReportRowsRemover extends AbstractBatchlet {

    @Inject
    DailyReports reports;

    @Inject
    JobContext job;

    @Override
    @Transactional
    public String process() {
        reports.removeAllBut(job.getInstanceId());
        return BatchStatus.COMPLETED.name();
    }
}
