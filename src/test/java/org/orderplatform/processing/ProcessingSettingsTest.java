package org.orderplatform.processing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessingSettingsTest {

    @Test
    void shouldAcceptTheDefaults() {
        assertThatCode(() -> defaults().check(null)).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseAFulfilmentThatCouldOutliveTheLease() {
        ProcessingSettings settings = defaults();
        settings.fulfilmentDelayMillis = 20_000;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("FULFILMENT_DELAY_MS");
    }

    @Test
    void shouldRefuseAStuckThresholdThatRetriesCouldReach() {
        ProcessingSettings settings = defaults();
        settings.retryMaxDelayMillis = 600_000;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("STUCK_ORDER_AFTER_SECONDS");
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        ProcessingSettings settings = defaults();
        settings.role = "everything";
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("APP_ROLE must be api, worker or all");
    }

    @Test
    void shouldRefuseNoAttempts() {
        ProcessingSettings settings = defaults();
        settings.maxAttempts = 0;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("JOB_MAX_ATTEMPTS");
    }

    @Test
    void shouldRefuseToPurgeWithoutRetention() {
        ProcessingSettings settings = defaults();
        settings.finishedJobRetentionDays = 0;
        assertThatThrownBy(() -> settings.check(null)).hasMessageContaining("FINISHED_JOB_RETENTION_DAYS");
    }

    /** The defaults the @ConfigProperty annotations declare. */
    private static ProcessingSettings defaults() {
        ProcessingSettings settings = new ProcessingSettings();
        settings.role = "all";
        settings.workerConcurrency = 4;
        settings.maxAttempts = 5;
        settings.retryBaseDelayMillis = 1000;
        settings.retryMaxDelayMillis = 60_000;
        settings.leaseSeconds = 30;
        settings.fulfilmentDelayMillis = 5;
        settings.fulfilmentFailureRate = 0;
        settings.relayBatchSize = 100;
        settings.relayIntervalMillis = 1000;
        settings.shutdownGraceSeconds = 20;
        settings.reconciliationIntervalSeconds = 60;
        settings.stuckAfterSeconds = 300;
        settings.giveUpAfterHours = 24;
        settings.idempotencyKeyTtlHours = 24;
        settings.refreshSessionRetentionDays = 30;
        settings.finishedJobRetentionDays = 30;
        return settings;
    }
}
