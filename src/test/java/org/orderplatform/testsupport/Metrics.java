package org.orderplatform.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples from /metrics (Prometheus text format) of the test server or another replica. */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the first series matching {@code seriesPattern} (a regex for name and labels), or 0. */
    public static double sample(String seriesPattern) {
        Matcher sample = Pattern.compile("(?m)^" + seriesPattern + " ([0-9.E+-]+)$").matcher(Api.get("/metrics").body());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    /** The /metrics text of a replica. */
    public static String scrape(java.net.URI base) {
        return Api.send(Api.request(base, "/metrics")).body();
    }

    /** The value of the first series of metric {@code name} in a scrape; an assertion error if it is absent. */
    public static double value(String metrics, String name) {
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(metrics);
        if (!sample.find()) {
            throw new AssertionError(name + " is not on /metrics");
        }
        return Double.parseDouble(sample.group(2));
    }
}
