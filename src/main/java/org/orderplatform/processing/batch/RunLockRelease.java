package org.orderplatform.processing.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Every job's listener: when a run ends - completed, failed or stopped - its run lock is released before the run is
 * recorded as ended, so whoever sees it ended can start the next one at once.
 */
@Named("runLockRelease")
@Dependent
public class RunLockRelease extends AbstractJobListener {

    @Inject
    JobRunLocks locks;

    @Inject
    JobContext job;

    @Override
    public void afterJob() {
        locks.release(job.getJobName());
    }
}
