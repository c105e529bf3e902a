package org.orderplatform.platform.health;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Readiness as a metric: {@code app_readiness_status} is 1 while every {@link Readiness} check is UP (what
 * /health/ready answers 200 for), 0 otherwise. Prometheus' {@code up == 0} cannot see a replica that is alive but not
 * ready - PostgreSQL unreachable, migrations not applied: /health/ready answers 503 while /metrics is still served -
 * so without this gauge no alert fires while such a replica is taken out of the load balancer. Registered at start-up
 * (0 until the first sample); the checks run every few seconds on a managed thread, so a scrape never waits for
 * PostgreSQL.
 */
@ApplicationScoped
public class ReadinessMetrics {

    static final String GAUGE = "app.readiness.status";
    private static final long PERIOD_SECONDS = 5;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @Readiness
    Instance<HealthCheck> checks;

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    private volatile boolean ready;
    private ScheduledFuture<?> task;

    void start(@Observes Startup startup) {
        metrics.gauge(GAUGE, this, gauge -> gauge.ready ? 1 : 0);
        task = scheduler.scheduleWithFixedDelay(this::sample, 0, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void sample() {
        try {
            ready = allUp(checks);
        } catch (RuntimeException e) {
            ready = false;
            log.log(Level.FINE, "Readiness gauge: a check failed: " + e.getMessage(), e);
        }
    }

    /** Up as MicroProfile Health sees it: every check answers UP. */
    static boolean allUp(Iterable<HealthCheck> checks) {
        for (HealthCheck check : checks) {
            if (check.call().getStatus() != HealthCheckResponse.Status.UP) {
                return false;
            }
        }
        return true;
    }
}
