package org.orderplatform.testsupport;

import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Property-based checks: a check run on many generated values, stopping at the first that fails. Every run draws a
 * fresh seed and prints it; a failure names the try, the input and the seed. Generation depends on the seed alone,
 * so {@code -Dfuzz.seed=<seed>} (e.g. {@code ./mvnw verify -Dit.test=ApiFuzzIT -Dfuzz.seed=42}) replays a run's
 * inputs in the same order. No shrinking: the failing input is shown as it was generated.
 */
public final class Property {

    /** The system property that fixes the seed of every property in the run. */
    public static final String SEED = "fuzz.seed";
    private static final int SHOWN_CHARS = 2_000;

    private Property() {
    }

    /** Checks {@code tries} values of {@code gen}; the first failure ends the run, naming the input and the seed. */
    public static <T> void forAll(int tries, Gen<T> gen, ThrowingConsumer<? super T> check) {
        long seed = seed();
        String caller = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()
                .map(frame -> frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1) + "."
                        + frame.getMethodName()).orElse("property"));
        System.out.printf("%s: %d tries, seed %d (replay with -D%s=%d)%n", caller, tries, seed, SEED, seed);
        Random random = new Random(seed);
        for (int attempt = 1; attempt <= tries; attempt++) {
            T value = gen.next(random);
            try {
                check.accept(value);
            } catch (Throwable failure) {
                String message = String.format("%s failed at try %d of %d, seed %d (replay with -D%s=%d)%n"
                        + "input: %s%n%s", caller, attempt, tries, seed, SEED, seed, describe(value), failure);
                throw new AssertionError(message, failure);
            }
        }
    }

    private static long seed() {
        String fixed = System.getProperty(SEED, "").strip();
        return fixed.isEmpty() ? ThreadLocalRandom.current().nextLong() : Long.parseLong(fixed);
    }

    /** The value with everything but printable ASCII as escapes, so that controls and surrogates show. */
    static String describe(Object value) {
        String text = String.valueOf(value);
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < text.length() && shown.length() < SHOWN_CHARS; i++) {
            char c = text.charAt(i);
            shown.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return i < text.length() ? shown + "...(" + text.length() + " chars)" : shown.toString();
    }
}
