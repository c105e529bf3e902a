package org.orderplatform.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Reports whether Redis answers, without ever failing readiness: the platform keeps serving when Redis is down
 * (cache bypassed, jobs held in the outbox), so taking pods out of the load balancer would only make it worse.
 */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    @Inject
    JedisPool pool;

    @Inject
    Logger log;

    /** Probes come every few seconds: log only when availability changes. */
    private final AtomicBoolean lastAvailable = new AtomicBoolean(true);

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("redis").up().withData("required_for_readiness", false);
        boolean available;
        RuntimeException cause = null;
        try (Jedis jedis = pool.getResource()) {
            available = "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            available = false;
            cause = e;
        }
        if (lastAvailable.getAndSet(available) != available) {
            if (available) {
                log.info("Redis is available again");
            } else {
                log.log(Level.WARNING, "Redis is unavailable; the platform carries on without it", cause);
            }
        }
        // Health is public: the cause goes to the log, never into the response.
        return response.withData("available", available).build();
    }
}
