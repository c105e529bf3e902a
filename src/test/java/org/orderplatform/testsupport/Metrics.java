package org.orderplatform.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the test server's /metrics (Prometheus text format). */
public final class Metrics {

    private Metrics() {
    }

    /** The value of the first series matching {@code seriesPattern} (a regex for name and labels), or 0. */
    public static double sample(String seriesPattern) {
        Matcher sample = Pattern.compile("(?m)^" + seriesPattern + " ([0-9.E+-]+)$").matcher(Api.get("/metrics").body());
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
