package org.orderplatform.processing.batch;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.orderplatform.processing.ProcessingSettings;

/** order-reconciliation's step that deletes jobs completed longer than FINISHED_JOB_RETENTION_DAYS ago. */
@Named("completedJobPurge")
@Dependent
public class CompletedJobPurge extends BoundedPurge {

    @Inject
    ProcessingSettings settings;

    @Override
    int deleteBatch(int limit) {
        return purges.completedJobs(settings.finishedJobRetention(), limit);
    }

    @Override
    String what() {
        return "order jobs completed more than " + settings.finishedJobRetention().toDays() + " days ago";
    }
}
