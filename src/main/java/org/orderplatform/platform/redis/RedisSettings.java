package org.orderplatform.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where Redis is and how long the platform waits for it (bounded, so a slow Redis never stalls a request). */
@ApplicationScoped
public class RedisSettings {

    @Inject
    @ConfigProperty(name = "REDIS_HOST", defaultValue = "localhost")
    String host;

    @Inject
    @ConfigProperty(name = "REDIS_PORT", defaultValue = "6379")
    int port;

    @Inject
    @ConfigProperty(name = "REDIS_PASSWORD")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "REDIS_SSL", defaultValue = "false")
    boolean ssl;

    @Inject
    @ConfigProperty(name = "REDIS_TIMEOUT_MS", defaultValue = "500")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "REDIS_POOL_MAX", defaultValue = "16")
    int poolMax;

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Optional<String> password() {
        return password.filter(value -> !value.isBlank());
    }

    public boolean ssl() {
        return ssl;
    }

    public int timeoutMillis() {
        return timeoutMillis;
    }

    public int poolMax() {
        return poolMax;
    }
}
