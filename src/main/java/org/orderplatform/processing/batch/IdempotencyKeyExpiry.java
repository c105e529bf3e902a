package org.orderplatform.processing.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;
import org.orderplatform.order.IdempotentOrderPlacement;
import org.orderplatform.processing.ProcessingSettings;

/**
 * A step of order-reconciliation: Idempotency-Keys older than {@code IDEMPOTENCY_KEY_TTL_HOURS} are forgotten,
 * so the table does not grow for ever. A client retrying with such a key after that places a new order.
 */
@Named("idempotencyKeyExpiry")
@Dependent
public class IdempotencyKeyExpiry extends AbstractBatchlet {

    @Inject
    IdempotentOrderPlacement placement;

    @Inject
    ProcessingSettings settings;

    @Inject
    Logger log;

    @Override
    @Transactional
    public String process() {
        int forgotten = placement.forgetKeysOlderThan(settings.idempotencyKeyTtl());
        if (forgotten > 0) {
            log.info("Forgot " + forgotten + " idempotency keys older than " + settings.idempotencyKeyTtl());
        }
        return BatchStatus.COMPLETED.name();
    }
}
