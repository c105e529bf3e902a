package org.orderplatform.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.orderplatform.platform.web.problem.ProblemException;

/**
 * Argon2id at the OWASP Password Storage parameters (m = 19 MiB, t = 2, p = 1), Bouncy Castle's implementation,
 * stored in the self-describing PHC string format: {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}. A hash made
 * with other parameters still verifies and reports {@link #needsRehash}.
 *
 * <p>Each hash takes 19 MiB and tens of milliseconds of CPU, so at most {@code PASSWORD_HASH_CONCURRENCY} run at
 * once; a request that cannot get a turn within {@code PASSWORD_HASH_WAIT_MS} is answered 503 instead of exhausting
 * the heap.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final Semaphore turns;
    private final long waitMillis;

    public PasswordHasher() {
        this(4, 5000);
    }

    /**
     * By default half the processors (at least one) hash at once: hashing is pure CPU, and the other half stays free
     * for every other request, even during a registration or login flood. The JVM counts a container's CPU limit.
     */
    @Inject
    PasswordHasher(@ConfigProperty(name = "PASSWORD_HASH_CONCURRENCY") Optional<Integer> concurrency,
                   @ConfigProperty(name = "PASSWORD_HASH_WAIT_MS", defaultValue = "5000") long waitMillis) {
        this(concurrency.orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2)), waitMillis);
    }

    PasswordHasher(int concurrency, long waitMillis) {
        this.turns = new Semaphore(concurrency, true);
        this.waitMillis = waitMillis;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    /** Constant-time comparison; false for anything that is not an Argon2id PHC string. */
    public boolean verify(String password, String stored) {
        Matcher phc = PHC.matcher(stored == null ? "" : stored);
        if (!phc.matches()) {
            return false;
        }
        byte[] salt = B64_DECODER.decode(phc.group(4));
        byte[] expected = B64_DECODER.decode(phc.group(5));
        byte[] actual = derive(password, salt, Integer.parseInt(phc.group(1)), Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** True when the stored hash was made with other parameters than today's: rehash it at the next login. */
    public boolean needsRehash(String stored) {
        Matcher phc = PHC.matcher(stored == null ? "" : stored);
        return !phc.matches()
                || Integer.parseInt(phc.group(1)) != MEMORY_KIB
                || Integer.parseInt(phc.group(2)) != ITERATIONS
                || Integer.parseInt(phc.group(3)) != PARALLELISM;
    }

    /** A hash with the given salt and parameters, such as earlier versions stored (tests prove they still work). */
    public String hash(String password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                          int length) {
        try {
            if (!turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            return argon2id(password, salt, memoryKib, iterations, parallelism, length);
        } finally {
            turns.release();
        }
    }

    private static TooBusyException busy() {
        return new TooBusyException();
    }

    /** No turn to hash within the wait: 503, nothing was checked (a login attempt that must not count). */
    public static final class TooBusyException extends ProblemException {
        TooBusyException() {
            super(UserProblem.BUSY.status(), UserProblem.BUSY.uri(), UserProblem.BUSY.title(),
                    "Too many password checks at once; retry", List.of(), Map.of("Retry-After", "1"));
        }
    }

    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
                                   int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
