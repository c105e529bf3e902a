package org.orderplatform.processing;

import org.orderplatform.platform.web.problem.ProblemType;

/** The refusals of order processing and its administration that have a type of their own (see docs/errors.md). */
public final class ProcessingProblem {

    public static final ProblemType JOB_RUNNING = new ProblemType("/problems/job-running", "Job already running", 409);
    public static final ProblemType JOB_NOT_STARTED =
            new ProblemType("/problems/job-not-started", "Job not started", 503);

    private ProcessingProblem() {
    }
}
