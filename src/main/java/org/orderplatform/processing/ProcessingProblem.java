package org.orderplatform.processing;

import org.orderplatform.platform.web.ProblemType;

/** The refusals of order processing and its administration that have a type of their own (see docs/errors.md). */
public enum ProcessingProblem implements ProblemType {
    JOB_RUNNING("/problems/job-running", "Job already running", 409),
    JOB_NOT_STARTED("/problems/job-not-started", "Job not started", 503);

    private final String uri;
    private final String title;
    private final int status;

    ProcessingProblem(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int status() {
        return status;
    }
}
