package org.orderplatform.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive unless the old generation is still (almost) full right after a garbage collection - a JVM in that state
 * only thrashes and a restart is the cure. Young pools (eden, survivor) are ignored: they are often full after a
 * collection, and that is normal. Deliberately independent of PostgreSQL and Redis: an outage of a
 * dependency must make the pod unready, never get it restarted.
 */
@Liveness
@ApplicationScoped
public class ProcessLivenessCheck implements HealthCheck {

    static final double MAX_HEAP_USED_AFTER_GC = 0.98;

    /** The JVM's old generation pools, looked up once: probes ask every few seconds, and benchmarks thousands of
     *  times a second. Among heap pools only the old generation supports usage thresholds. */
    private final List<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isUsageThresholdSupported())
            .toList();

    @Override
    public HealthCheckResponse call() {
        double worst = 0;
        for (MemoryPoolMXBean pool : oldGeneration) {
            MemoryUsage afterGc = pool.getCollectionUsage();
            if (afterGc != null && afterGc.getMax() > 0) {
                worst = Math.max(worst, (double) afterGc.getUsed() / afterGc.getMax());
            }
        }
        return HealthCheckResponse.named("process")
                .withData("old_gen_used_after_gc_ratio",
                        BigDecimal.valueOf(worst).setScale(3, RoundingMode.HALF_UP).toPlainString())
                .status(worst < MAX_HEAP_USED_AFTER_GC)
                .build();
    }
}
