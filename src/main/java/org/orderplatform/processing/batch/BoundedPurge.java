package org.orderplatform.processing.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * A step of order-reconciliation that deletes rows past their retention in batches of {@value #BATCH_SIZE}, each in a
 * transaction of its own, until none is left - or {@value #MAX_BATCHES_PER_RUN} batches have run, so that one run
 * stays short after a long pause; the next run goes on. Stopping the job stops it between batches.
 */
abstract class BoundedPurge extends AbstractBatchlet {

    static final int BATCH_SIZE = 1000;
    static final int MAX_BATCHES_PER_RUN = 100;

    @Inject
    RetentionPurges purges;

    @Inject
    Logger log;

    private volatile boolean stopping;

    /** Deletes at most {@code limit} rows, in a transaction of its own; how many. */
    abstract int deleteBatch(int limit);

    /** What the rows are, for the log: "ended login sessions". */
    abstract String what();

    @Override
    public String process() {
        long purged = 0;
        int batches = 0;
        int deleted;
        do {
            deleted = deleteBatch(BATCH_SIZE);
            purged += deleted;
            batches++;
        } while (deleted == BATCH_SIZE && batches < MAX_BATCHES_PER_RUN && !stopping);
        if (purged > 0) {
            log.info("Purged " + purged + " " + what());
        }
        return BatchStatus.COMPLETED.name();
    }

    @Override
    public void stop() {
        stopping = true;
    }
}
