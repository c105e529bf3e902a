package org.orderplatform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples from /metrics (Prometheus text format) of the test server or another replica. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the first series matching {@code seriesPattern} (a regex for name and labels), or 0. */
    public static double sample(String seriesPattern) {
        return sampleIn(Api.get("/metrics").body(), seriesPattern);
    }

    /** The value of the first series matching {@code seriesPattern} in a scrape, or 0. */
    public static double sampleIn(String metrics, String seriesPattern) {
        Matcher sample = Pattern.compile("(?m)^" + seriesPattern + " ([0-9.E+-]+)$").matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    /**
     * Asserts that {@code rounds} rounds of a test's action moved a counter of the test server by {@code perRound}
     * each: by at least {@code rounds * perRound}, waited for (a request is timed just after its response is
     * written), and by less than {@code rounds * (perRound + 1)}. The server is shared, and a request of another
     * client still being answered - one an earlier test gave up waiting for, say - moves the same series: up to
     * {@code rounds - 1} such strays pass, while a count one too low or one too high in every round still fails.
     */
    public static void assertMovedPerRound(String seriesPattern, double before, int rounds, int perRound) {
        await(seriesPattern).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(sample(seriesPattern) - before).as("counted in %d rounds", rounds)
                        .isGreaterThanOrEqualTo(rounds * perRound));
        assertThat(sample(seriesPattern) - before).as("counted in %d rounds, of %d each at most", rounds, perRound)
                .isLessThan(rounds * (perRound + 1));
    }

    /** The /metrics text of a replica. */
    public static String scrape(java.net.URI base) {
        return Api.send(Api.request(base, "/metrics")).body();
    }

    /** The value of the first series of metric {@code name} in a scrape; an assertion error if it is absent. */
    public static double value(String metrics, String name) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.E+-]+)$")
                .matcher(metrics);
        if (!sample.find()) {
            throw new AssertionError(name + " is not on /metrics");
        }
        return Double.parseDouble(sample.group(2));
    }
}
