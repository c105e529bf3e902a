package org.orderplatform.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("redis").up().withData("required_for_readiness", false);
        try (Jedis jedis = pool.getResource()) {
            return response.withData("available", "PONG".equals(jedis.ping())).build();
        } catch (RuntimeException e) {
            return response.withData("available", false).withData("error", e.getMessage()).build();
        }
    }
}
