package org.orderplatform.platform.metrics;

import java.time.Duration;

/**
 * The one clock latency metrics are measured with: {@link System#nanoTime()}, monotonic, so that a step of the wall
 * clock (NTP, a leap second) never makes a request look negative or hours long. Only durations that start on
 * another replica - from a row's stored timestamp - have to use the wall clock instead.
 */
public final class Stopwatch {

    private final long startedNanos;

    private Stopwatch(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    public static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
