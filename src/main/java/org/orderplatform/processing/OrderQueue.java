package org.orderplatform.processing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.args.ListDirection;

/**
 * The Redis side of processing - a reliable queue of job ids (never payloads: PostgreSQL has the job).
 * <ul>
 * <li>{@code orders:jobs:queue}: the relay pushes on the left, workers take from the right.</li>
 * <li>{@code orders:jobs:in-flight}: a worker takes a job with BLMOVE, which moves it here in the same step, so a
 * job is never only in a worker's memory; acknowledging removes it.</li>
 * <li>{@code orders:jobs:leases}: when each in-flight job's lease ends. The reaper returns in-flight jobs whose
 * lease ended (their worker died or hangs) to the queue.</li>
 * <li>{@code orders:jobs:retries}: failed jobs waiting for their backoff to pass.</li>
 * </ul>
 * Every move between two of these is one Lua script, so Redis never holds a job twice or loses it half-way.
 */
@ApplicationScoped
public class OrderQueue {

    static final String QUEUE = "orders:jobs:queue";
    static final String IN_FLIGHT = "orders:jobs:in-flight";
    static final String LEASES = "orders:jobs:leases";
    static final String RETRIES = "orders:jobs:retries";

    /** In-flight jobs without a lease (their worker died between taking and leasing) get one; expired ones go back. */
    private static final String REAP = """
            local returned = 0
            for _, id in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
              local ends = redis.call('ZSCORE', KEYS[2], id)
              if not ends then
                redis.call('ZADD', KEYS[2], ARGV[1] + ARGV[2], id)
              elseif tonumber(ends) <= tonumber(ARGV[1]) then
                redis.call('LREM', KEYS[1], 1, id)
                redis.call('ZREM', KEYS[2], id)
                redis.call('RPUSH', KEYS[3], id)
                returned = returned + 1
              end
            end
            return returned""";
    private static final String ACK = """
            redis.call('LREM', KEYS[1], 1, ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            return 1""";
    private static final String RETRY_LATER = """
            redis.call('LREM', KEYS[1], 1, ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            redis.call('ZADD', KEYS[3], ARGV[2], ARGV[1])
            return 1""";
    private static final String GIVE_BACK = """
            local removed = redis.call('LREM', KEYS[1], 1, ARGV[1])
            redis.call('ZREM', KEYS[2], ARGV[1])
            if removed > 0 then redis.call('RPUSH', KEYS[3], ARGV[1]) end
            return removed""";
    private static final String PROMOTE_DUE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
            for _, id in ipairs(due) do
              redis.call('ZREM', KEYS[1], id)
              redis.call('RPUSH', KEYS[2], id)
            end
            return #due""";

    @Inject
    JedisPool redis;

    @Inject
    ProcessingSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** What the queue holds right now. {@code oldestQueued} is the id next in line, if any. */
    public record Depth(long queued, long inFlight, long retrying, Optional<Long> oldestQueued) {
    }

    public void push(List<Long> ids) {
        try (Jedis jedis = redis.getResource()) {
            jedis.lpush(QUEUE, ids.stream().map(String::valueOf).toArray(String[]::new));
        }
    }

    /**
     * Waits up to {@code wait} for a job on the worker's own connection and moves it to in-flight, leased until
     * now + {@link ProcessingSettings#lease()} plus a margin, so that the lease outlives the job's database claim.
     */
    public Optional<Long> take(Jedis connection, Duration wait) {
        String id = connection.blmove(QUEUE, IN_FLIGHT, ListDirection.RIGHT, ListDirection.LEFT,
                wait.toMillis() / 1000.0);
        if (id == null) {
            return Optional.empty();
        }
        if (!id.matches("[0-9]{1,18}")) {
            connection.lrem(IN_FLIGHT, 1, id); // not a job id (written by hand?): dropped, not retried forever
            return Optional.empty();
        }
        connection.zadd(LEASES, leaseEnd(), id);
        return Optional.of(Long.parseLong(id));
    }

    public void acknowledge(long id) {
        eval(ACK, List.of(IN_FLIGHT, LEASES), List.of(String.valueOf(id)));
    }

    public void retryAt(long id, Instant due) {
        eval(RETRY_LATER, List.of(IN_FLIGHT, LEASES, RETRIES), List.of(String.valueOf(id),
                String.valueOf(due.toEpochMilli())));
    }

    /** An in-flight job this worker will not finish, back to the front of the queue. */
    public void giveBack(long id) {
        eval(GIVE_BACK, List.of(IN_FLIGHT, LEASES, QUEUE), List.of(String.valueOf(id)));
    }

    /** Returns in-flight jobs whose lease has ended to the queue; how many. */
    public long reapExpired() {
        return (Long) eval(REAP, List.of(IN_FLIGHT, LEASES, QUEUE),
                List.of(String.valueOf(clock.millis()), String.valueOf(leaseMillis())));
    }

    /** Moves retries whose backoff has passed to the queue; how many. */
    public long promoteDueRetries(int limit) {
        return (Long) eval(PROMOTE_DUE, List.of(RETRIES, QUEUE),
                List.of(String.valueOf(clock.millis()), String.valueOf(limit)));
    }

    public Depth depth() {
        try (Jedis jedis = redis.getResource()) {
            String next = jedis.lindex(QUEUE, -1);
            return new Depth(jedis.llen(QUEUE), jedis.llen(IN_FLIGHT), jedis.zcard(RETRIES),
                    Optional.ofNullable(next).map(Long::parseLong));
        }
    }

    private Object eval(String script, List<String> keys, List<String> args) {
        try (Jedis jedis = redis.getResource()) {
            return jedis.eval(script, keys, args);
        }
    }

    private long leaseEnd() {
        return clock.millis() + leaseMillis();
    }

    /** The database claim's length plus a margin: Redis gives a job back only once its claim has surely ended. */
    private long leaseMillis() {
        return settings.lease().plusSeconds(5).toMillis();
    }
}
