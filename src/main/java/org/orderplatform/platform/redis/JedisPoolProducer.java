package org.orderplatform.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/** The application's one Redis connection pool, closed when the application stops. */
@ApplicationScoped
public class JedisPoolProducer {

    @Inject
    RedisSettings settings;

    // @Singleton, not @ApplicationScoped: JedisPool has final methods, so CDI cannot proxy it.
    @Produces
    @Singleton
    JedisPool jedisPool() {
        JedisPoolConfig poolConfig = new JedisPoolConfig();
        poolConfig.setMaxTotal(settings.poolMax());
        poolConfig.setMaxIdle(settings.poolMax());
        poolConfig.setMinIdle(0);
        // Never queue behind an exhausted pool for longer than a Redis call may take.
        poolConfig.setMaxWait(Duration.ofMillis(settings.timeoutMillis()));
        poolConfig.setTestWhileIdle(true);
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis(settings.timeoutMillis())
                .clientName("order-platform")
                .ssl(settings.ssl());
        settings.password().ifPresent(client::password);
        return new JedisPool(poolConfig, new HostAndPort(settings.host(), settings.port()), client.build());
    }

    void close(@Disposes JedisPool pool) {
        pool.close();
    }
}
