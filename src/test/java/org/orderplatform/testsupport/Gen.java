package org.orderplatform.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of test values: everything it draws comes from the {@link Random} it is given, so that one seed
 * replays a whole run (see {@link Property}). Being a functional interface, any lambda {@code random -> ...} is a
 * generator too, which is how generators of several values are combined.
 */
@FunctionalInterface
public interface Gen<T> {

    /** How many values in a row {@link #filter} may reject before it gives up on a filter that is too strict. */
    int FILTER_ATTEMPTS = 1_000;

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    /** A generator chosen by this one's value, e.g. requests for an operation drawn first. */
    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    default Gen<T> filter(Predicate<? super T> accepted) {
        return random -> {
            for (int attempt = 0; attempt < FILTER_ATTEMPTS; attempt++) {
                T value = next(random);
                if (accepted.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("The filter rejected " + FILTER_ATTEMPTS + " values in a row");
        };
    }

    /** Lists of this generator's values, of {@code minSize} to {@code maxSize} elements. */
    default Gen<List<T>> list(int minSize, int maxSize) {
        Gen<Integer> sizes = ints(minSize, maxSize);
        return random -> {
            int size = sizes.next(random);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    /** One of the values, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    static <T> Gen<T> of(List<? extends T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("No values to choose from");
        }
        List<? extends T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** A value of one of the generators, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return oneOf(Arrays.asList(gens));
    }

    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
        return of(gens).flatMap(gen -> gen);
    }

    /** A generator with its weight for {@link #frequency}; zero: never drawn. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {

        public Weighted {
            if (weight < 0) {
                throw new IllegalArgumentException("Negative weight " + weight);
            }
        }
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A value of one of the generators, chosen by weight: {@code frequency(weight(3, common), weight(1, rare))}. */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        if (total == 0) {
            throw new IllegalArgumentException("No weight above zero");
        }
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : all) {
                if (pick < choice.weight()) {
                    return choice.gen().next(random);
                }
                pick -= choice.weight();
            }
            throw new AssertionError("unreachable: the picks add up to the total weight");
        };
    }

    /** One value of each generator, in their order: a record's fields, a query's parameters. */
    static <T> Gen<List<T>> each(List<? extends Gen<? extends T>> gens) {
        List<? extends Gen<? extends T>> all = List.copyOf(gens);
        return random -> {
            List<T> values = new ArrayList<>(all.size());
            all.forEach(gen -> values.add(gen.next(random)));
            return values;
        };
    }

    /** From {@code min} to {@code max}, both included. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** From {@code min} to {@code max}, both included. */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("Empty range " + min + ".." + max);
        }
        return random -> max == Long.MAX_VALUE && min == Long.MIN_VALUE ? random.nextLong()
                : max == Long.MAX_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong(min, max + 1);
    }

    /** From {@code from} to {@code to}, both included. */
    static Gen<Character> chars(char from, char to) {
        return ints(from, to).map(code -> (char) code.intValue());
    }

    /** Strings of {@code minLength} to {@code maxLength} chars of the given generator. */
    static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return chars.list(minLength, maxLength).map(list -> {
            StringBuilder text = new StringBuilder(list.size());
            list.forEach(text::append);
            return text.toString();
        });
    }
}
