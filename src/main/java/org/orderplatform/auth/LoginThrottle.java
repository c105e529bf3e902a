package org.orderplatform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.orderplatform.platform.redis.RedisOutages;
import org.orderplatform.platform.security.Sha256;
import org.orderplatform.platform.web.client.IpAddress;
import org.orderplatform.platform.web.problem.ProblemException;
import org.orderplatform.user.EmailAddresses;
import org.orderplatform.user.PasswordAttempts;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Limits password guessing (OWASP ASVS V2.2.1), over a window shared by all replicas (Redis), with three limits:
 * <ol>
 *   <li>per account <em>and</em> client address ({@code LOGIN_MAX_FAILURES_PER_ACCOUNT}): past it that address is
 *       refused for the account until the window ends - an attacker's failures never lock the owner out from
 *       elsewhere;</li>
 *   <li>per account across addresses, against credential stuffing from many addresses: after
 *       {@code LOGIN_ACCOUNT_DELAY_AFTER} failures every further attempt must wait a delay that doubles (1 s, 2 s,
 *       4 s, ...) up to {@code LOGIN_ACCOUNT_MAX_DELAY_SECONDS} - a slowdown, never one long lock;</li>
 *   <li>per client address across accounts ({@code LOGIN_MAX_FAILURES_PER_IP}).</li>
 * </ol>
 * Every attempt is counted before the password is checked, atomically, so parallel guesses cannot slip past a limit;
 * an attempt that turns out right, or that could not be checked (503, too busy), is given back. A superuser can
 * clear an account's failures. Without Redis, attempts go on unthrottled (logged, counted as
 * {@code auth_throttle_unavailable_total}).
 */
@ApplicationScoped
public class LoginThrottle implements PasswordAttempts {

    static final String PREFIX = "auth:login-failures:";
    /** Logins and registrations left unthrottled while Redis is unavailable. */
    static final String THROTTLE_UNAVAILABLE = "auth.throttle.unavailable";
    static final String TOTAL = "total";
    private static final String ADDRESS_FIELD = "address:";

    /** {reason, seconds}: 0 = counted; 1 = this address is locked for the account; 2 = the address; 3 = delayed. */
    static final String ATTEMPT = """
            local pair = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
            if pair >= tonumber(ARGV[2]) then return {1, math.max(redis.call('TTL', KEYS[1]), 1)} end
            if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[3]) then
                return {2, math.max(redis.call('TTL', KEYS[2]), 1)}
            end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local over = tonumber(redis.call('HGET', KEYS[1], 'total') or '0') - tonumber(ARGV[4])
            if over >= 0 then
                local due = tonumber(redis.call('HGET', KEYS[1], 'last_ms') or '0')
                        + math.min(1000 * 2 ^ math.min(over, 30), tonumber(ARGV[5]) * 1000)
                if now < due then return {3, math.ceil((due - now) / 1000)} end
            end
            redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
            redis.call('HINCRBY', KEYS[1], 'total', 1)
            redis.call('HSET', KEYS[1], 'last_ms', string.format('%.0f', now))
            redis.call('EXPIRE', KEYS[1], ARGV[6])
            redis.call('INCR', KEYS[2])
            if redis.call('TTL', KEYS[2]) < 0 then redis.call('EXPIRE', KEYS[2], ARGV[6]) end
            return {0, 0}
            """;
    /** Takes one counted attempt back; ARGV[2] = '1' also forgets the address's earlier failures (a success). */
    static final String GIVE_BACK = """
            if ARGV[2] == '1' then
                redis.call('HDEL', KEYS[1], ARGV[1])
            elseif tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') > 0 then
                redis.call('HINCRBY', KEYS[1], ARGV[1], -1)
            end
            if tonumber(redis.call('HGET', KEYS[1], 'total') or '0') > 0 then
                redis.call('HINCRBY', KEYS[1], 'total', -1)
            end
            if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
                redis.call('DECR', KEYS[2])
            end
            return 0
            """;

    @Inject
    JedisPool redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    RedisOutages outages;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_ACCOUNT", defaultValue = "5")
    int maxPerAccountAndAddress;

    @Inject
    @ConfigProperty(name = "LOGIN_ACCOUNT_DELAY_AFTER", defaultValue = "20")
    int delayAfter;

    @Inject
    @ConfigProperty(name = "LOGIN_ACCOUNT_MAX_DELAY_SECONDS", defaultValue = "300")
    int maxDelaySeconds;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_IP", defaultValue = "50")
    int maxPerAddress;

    @Inject
    @ConfigProperty(name = "LOGIN_FAILURE_WINDOW_SECONDS", defaultValue = "900")
    int windowSeconds;

    @Override
    public void attempt(String email, IpAddress client) {
        List<?> verdict = List.of(0L, 0L);
        try (Jedis jedis = redis.getResource()) {
            verdict = (List<?>) jedis.eval(ATTEMPT, List.of(accountKey(email), addressKey(client)),
                    List.of(addressField(client), Integer.toString(maxPerAccountAndAddress),
                            Integer.toString(maxPerAddress), Integer.toString(delayAfter),
                            Integer.toString(maxDelaySeconds), Integer.toString(windowSeconds)));
            outages.succeeded("login throttling");
        } catch (JedisException e) {
            unavailable(e);
        }
        long reason = (Long) verdict.get(0);
        if (reason != 0) {
            metrics.counter(AuthService.LOGINS, new Tag("outcome", "throttled")).inc();
            long seconds = (Long) verdict.get(1);
            throw AuthProblem.TOO_MANY_LOGIN_ATTEMPTS.exception(
                    (reason == 3 ? "This account had many failed logins; wait " + seconds + " seconds before the next"
                            : "Too many failed attempts; try again in " + seconds + " seconds"), seconds);
        }
    }

    @Override
    public void succeeded(String email, IpAddress client) {
        giveBack(email, client, true);
    }

    @Override
    public void notJudged(String email, IpAddress client) {
        giveBack(email, client, false);
    }

    @Override
    public Lockout lockout(String email) {
        try (Jedis jedis = redis.getResource()) {
            String key = accountKey(email);
            Map<String, String> fields = jedis.hgetAll(key);
            long lockedAddresses = fields.entrySet().stream()
                    .filter(field -> field.getKey().startsWith(ADDRESS_FIELD))
                    .filter(field -> Long.parseLong(field.getValue()) >= maxPerAccountAndAddress)
                    .count();
            long failures = Long.parseLong(fields.getOrDefault(TOTAL, "0"));
            return new Lockout(failures, lockedAddresses, failures >= delayAfter, Math.max(jedis.ttl(key), 0));
        } catch (JedisException e) {
            throw throttlingUnavailable(e);
        }
    }

    @Override
    public void clear(String email) {
        try (Jedis jedis = redis.getResource()) {
            jedis.del(accountKey(email));
        } catch (JedisException e) {
            throw throttlingUnavailable(e);
        }
    }

    private ProblemException throttlingUnavailable(JedisException e) {
        unavailable(e);
        return AuthProblem.THROTTLING_UNAVAILABLE.exception(
                "The login failures are kept in Redis, which cannot be reached right now; retry later", 5);
    }

    private void giveBack(String email, IpAddress client, boolean forgetAddress) {
        try (Jedis jedis = redis.getResource()) {
            jedis.eval(GIVE_BACK, List.of(accountKey(email), addressKey(client)),
                    List.of(addressField(client), forgetAddress ? "1" : "0"));
        } catch (JedisException e) {
            unavailable(e);
        }
    }

    private void unavailable(JedisException e) {
        outages.failed("login throttling", THROTTLE_UNAVAILABLE, "logins are not throttled", e);
    }

    /** The account is keyed by a hash of its email key: no addresses in Redis. */
    private static String accountKey(String email) {
        return PREFIX + "account:" + Sha256.hex(EmailAddresses.key(email));
    }

    private static String addressKey(IpAddress client) {
        return PREFIX + "address:" + client.limitKey();
    }

    private static String addressField(IpAddress client) {
        return ADDRESS_FIELD + client.limitKey();
    }
}
