package org.orderplatform.processing.batch;

import jakarta.batch.runtime.JobExecution;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/** One run of a batch job, as the admin API shows it (times are absent until they happen). */
public record ExecutionView(long executionId, String jobName, String batchStatus, String exitStatus,
                            OffsetDateTime startTime, OffsetDateTime endTime) {

    static ExecutionView of(JobExecution execution) {
        return new ExecutionView(execution.getExecutionId(), execution.getJobName(),
                execution.getBatchStatus().name(), execution.getExitStatus(), time(execution.getStartTime()),
                time(execution.getEndTime()));
    }

    private static OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
