package org.orderplatform.platform.db;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as PostgreSQL's TIMESTAMPTZ columns hold them: UTC, to the microsecond. Not the database's clock - the
 * JVM's, cut to what a column keeps - so that a value written and read back compares equal; and the conversion of
 * the values native queries return. Durations are not measured with it: see {@code platform.metrics.Stopwatch}.
 */
public final class PostgresTimestamps {

    private PostgresTimestamps() {
    }

    /** Now in UTC, to the microsecond PostgreSQL stores: what a create returns equals what a later read returns. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** A TIMESTAMPTZ column's value from a native query (the driver gives a Timestamp), in UTC; null stays null. */
    public static OffsetDateTime fromColumn(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
    }
}
