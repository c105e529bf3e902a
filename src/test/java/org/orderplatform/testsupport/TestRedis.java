package org.orderplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.embedded.RedisServer;

/** The test server's Redis: direct access, and an outage that loses every key. */
public final class TestRedis {

    public static final int PORT = Integer.getInteger("it.redis.port");

    private TestRedis() {
    }

    public static Jedis connect() {
        return new Jedis("localhost", PORT);
    }

    /** Stops Redis without saving: connections are refused until {@link #startEmpty()}. */
    public static void shutdownLosingData() {
        try (Jedis redis = connect()) {
            redis.shutdown();
        } catch (JedisConnectionException expected) {
            // SHUTDOWN closes the connection it came on
        }
    }

    /** An empty Redis on the same port, for the test that stopped it and every later one. */
    public static void startEmpty() {
        try {
            RedisServer.newRedisServer().port(PORT).bind("127.0.0.1").setting("save \"\"")
                    .onShutdownForceStop(true).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
