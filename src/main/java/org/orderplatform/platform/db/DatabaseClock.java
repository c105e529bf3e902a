package org.orderplatform.platform.db;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps for persisted rows. */
public final class DatabaseClock {

    private DatabaseClock() {
    }

    /** Now in UTC, to the microsecond PostgreSQL stores: what a create returns equals what a later read returns. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
