package org.orderplatform.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stands in for the outside world an order is fulfilled by (payment, warehouse): it takes
 * {@code FULFILMENT_DELAY_MS} and fails with probability {@code FULFILMENT_FAILURE_RATE}, so that retries, dead
 * letters and a growing backlog can be shown on demand.
 */
@ApplicationScoped
public class FulfilmentSimulator {

    @Inject
    ProcessingSettings settings;

    /** A fulfilment attempt that did not succeed; the job is retried. */
    public static class FulfilmentFailed extends Exception {
        private static final long serialVersionUID = 1L;

        FulfilmentFailed(String message) {
            super(message);
        }
    }

    public void fulfil(UUID orderId) throws FulfilmentFailed, InterruptedException {
        Thread.sleep(settings.fulfilmentDelay().toMillis());
        double rate = settings.fulfilmentFailureRate();
        if (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate) {
            throw new FulfilmentFailed("fulfilment of order " + orderId + " failed (simulated, "
                    + "FULFILMENT_FAILURE_RATE=" + rate + ")");
        }
    }
}
