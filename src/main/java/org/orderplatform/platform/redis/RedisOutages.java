package org.orderplatform.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.exceptions.JedisException;

/**
 * How the features that can do without Redis report that they had to: every failure is counted (on the metric the
 * feature names), but logged only once per outage, with one more line when Redis answers again - an outage must
 * not flood the logs with a line per request.
 */
@ApplicationScoped
public class RedisOutages {

    @Inject
    MetricRegistry metrics;

    @Inject
    Logger log;

    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

    /** {@code feature} could not use Redis and carried on without it ({@code consequence}). */
    public void failed(String feature, String metric, String consequence, JedisException cause) {
        metrics.counter(metric).inc();
        if (failing.put(feature, Boolean.TRUE) == null) {
            log.log(Level.WARNING, "Redis is unavailable for " + feature + ": " + consequence + " ("
                    + cause.getMessage() + ")");
        }
    }

    /** {@code feature} used Redis successfully. */
    public void succeeded(String feature) {
        if (failing.remove(feature) != null) {
            log.info("Redis is available again for " + feature);
        }
    }
}
