package org.orderplatform.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Dedicated Redis connections, outside the pool, for callers that block on Redis by design (a worker waiting for
 * a job, the status-feed subscriber): they need a longer socket timeout than the pool's, and must not hold pooled
 * connections that requests are waiting for.
 */
@ApplicationScoped
public class RedisConnections {

    @Inject
    RedisSettings settings;

    /** A new connection whose reads wait up to {@code socketTimeout} (zero: forever); the caller closes it. */
    public Jedis open(String clientName, Duration socketTimeout) {
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis((int) socketTimeout.toMillis())
                .clientName(clientName)
                .ssl(settings.ssl());
        settings.password().ifPresent(client::password);
        return new Jedis(new HostAndPort(settings.host(), settings.port()), client.build());
    }
}
