package org.orderplatform.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the heap is still (almost) full right after a garbage collection - a JVM in that state only
 * thrashes and a restart is the cure. Deliberately independent of PostgreSQL and Redis: an outage of a
 * dependency must make the pod unready, never get it restarted.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

    static final double MAX_HEAP_USED_AFTER_GC = 0.98;

    @Override
    public HealthCheckResponse call() {
        double worst = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null && afterGc.getMax() > 0) {
                worst = Math.max(worst, (double) afterGc.getUsed() / afterGc.getMax());
            }
        }
        return HealthCheckResponse.named("process")
                .withData("heap_used_after_gc_ratio", String.format(java.util.Locale.ROOT, "%.3f", worst))
                .status(worst < MAX_HEAP_USED_AFTER_GC)
                .build();
    }
}
