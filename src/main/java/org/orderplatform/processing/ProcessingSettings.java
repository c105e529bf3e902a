package org.orderplatform.processing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How order processing behaves; every value is an environment variable of the same name (see the README). */
@ApplicationScoped
public class ProcessingSettings {

    @Inject
    @ConfigProperty(name = "APP_ROLE", defaultValue = "all")
    String role;

    @Inject
    @ConfigProperty(name = "WORKER_CONCURRENCY", defaultValue = "4")
    int workerConcurrency;

    @Inject
    @ConfigProperty(name = "JOB_MAX_ATTEMPTS", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "JOB_RETRY_BASE_DELAY_MS", defaultValue = "1000")
    long retryBaseDelayMillis;

    @Inject
    @ConfigProperty(name = "JOB_RETRY_MAX_DELAY_MS", defaultValue = "60000")
    long retryMaxDelayMillis;

    @Inject
    @ConfigProperty(name = "JOB_LEASE_SECONDS", defaultValue = "30")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "FULFILMENT_DELAY_MS", defaultValue = "5")
    long fulfilmentDelayMillis;

    @Inject
    @ConfigProperty(name = "FULFILMENT_FAILURE_RATE", defaultValue = "0")
    double fulfilmentFailureRate;

    @Inject
    @ConfigProperty(name = "RELAY_BATCH_SIZE", defaultValue = "100")
    int relayBatchSize;

    @Inject
    @ConfigProperty(name = "RELAY_INTERVAL_MS", defaultValue = "1000")
    long relayIntervalMillis;

    @Inject
    @ConfigProperty(name = "WORKER_SHUTDOWN_GRACE_SECONDS", defaultValue = "20")
    int shutdownGraceSeconds;

    @Inject
    @ConfigProperty(name = "RECONCILIATION_INTERVAL_SECONDS", defaultValue = "60")
    int reconciliationIntervalSeconds;

    @Inject
    @ConfigProperty(name = "STUCK_ORDER_AFTER_SECONDS", defaultValue = "300")
    int stuckAfterSeconds;

    @Inject
    @ConfigProperty(name = "GIVE_UP_ORDER_AFTER_HOURS", defaultValue = "24")
    int giveUpAfterHours;

    @Inject
    @ConfigProperty(name = "IDEMPOTENCY_KEY_TTL_HOURS", defaultValue = "24")
    int idempotencyKeyTtlHours;

    @Inject
    @ConfigProperty(name = "REFRESH_SESSION_RETENTION_DAYS", defaultValue = "30")
    int refreshSessionRetentionDays;

    @Inject
    @ConfigProperty(name = "FINISHED_JOB_RETENTION_DAYS", defaultValue = "30")
    int finishedJobRetentionDays;

    /**
     * Refuses settings that would break processing's guarantees, when the application starts: a fulfilment that
     * outlives the lease would run twice, and reconciliation must not take a job waiting for its retry for a stuck
     * one.
     */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 1) Startup startup) {
        role();
        if (workerConcurrency < 0 || maxAttempts < 1 || relayBatchSize < 1 || leaseSeconds < 1) {
            throw new IllegalStateException("WORKER_CONCURRENCY must be at least 0, and JOB_MAX_ATTEMPTS, "
                    + "RELAY_BATCH_SIZE and JOB_LEASE_SECONDS at least 1");
        }
        if (refreshSessionRetentionDays < 1 || finishedJobRetentionDays < 1) {
            throw new IllegalStateException("REFRESH_SESSION_RETENTION_DAYS and FINISHED_JOB_RETENTION_DAYS must be "
                    + "at least 1");
        }
        if (!(fulfilmentFailureRate >= 0 && fulfilmentFailureRate <= 1)) {
            throw new IllegalStateException("FULFILMENT_FAILURE_RATE must be from 0 to 1, not "
                    + fulfilmentFailureRate);
        }
        if (fulfilmentDelay().multipliedBy(2).compareTo(lease()) >= 0) {
            throw new IllegalStateException("FULFILMENT_DELAY_MS (" + fulfilmentDelayMillis + ") must be less than "
                    + "half of JOB_LEASE_SECONDS (" + leaseSeconds + " s)");
        }
        if (stuckAfter().compareTo(Duration.ofMillis(retryMaxDelayMillis).plus(lease())) <= 0) {
            throw new IllegalStateException("STUCK_ORDER_AFTER_SECONDS (" + stuckAfterSeconds + ") must be more "
                    + "than JOB_RETRY_MAX_DELAY_MS plus JOB_LEASE_SECONDS");
        }
    }

    /** How long an Idempotency-Key is remembered. */
    public Duration idempotencyKeyTtl() {
        return Duration.ofHours(idempotencyKeyTtlHours);
    }

    /** How long a login session that ended (expired or revoked) is kept, e.g. to look into a token theft. */
    public Duration refreshSessionRetention() {
        return Duration.ofDays(refreshSessionRetentionDays);
    }

    /** How long a completed job is kept (dead letters stay until replayed or their order is deleted). */
    public Duration finishedJobRetention() {
        return Duration.ofDays(finishedJobRetentionDays);
    }

    public AppRole role() {
        return AppRole.parse(role);
    }

    public int workerConcurrency() {
        return workerConcurrency;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public RetryBackoff backoff() {
        return new RetryBackoff(Duration.ofMillis(retryBaseDelayMillis), Duration.ofMillis(retryMaxDelayMillis));
    }

    /** How long a worker may hold a job before another may take it over. */
    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Duration fulfilmentDelay() {
        return Duration.ofMillis(fulfilmentDelayMillis);
    }

    public double fulfilmentFailureRate() {
        return fulfilmentFailureRate;
    }

    public int relayBatchSize() {
        return relayBatchSize;
    }

    public Duration relayInterval() {
        return Duration.ofMillis(relayIntervalMillis);
    }

    public Duration shutdownGrace() {
        return Duration.ofSeconds(shutdownGraceSeconds);
    }

    /** Zero: the reconciliation job is not scheduled (it can still be started through the admin API). */
    public Duration reconciliationInterval() {
        return Duration.ofSeconds(reconciliationIntervalSeconds);
    }

    public Duration stuckAfter() {
        return Duration.ofSeconds(stuckAfterSeconds);
    }

    public Duration giveUpAfter() {
        return Duration.ofHours(giveUpAfterHours);
    }
}
