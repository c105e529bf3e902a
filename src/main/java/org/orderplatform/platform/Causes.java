package org.orderplatform.platform;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one walk down an exception's cause chain. Containers wrap what happened (a duplicate key arrives as a
 * PersistenceException around a RollbackException around the driver's SQLException), so decisions are made on
 * the first cause of the kind that matters.
 */
public final class Causes {

    private Causes() {
    }

    /** The exception, then its cause, then that one's cause... (a chain that loops back ends there). */
    public static Stream<Throwable> chain(Throwable exception) {
        return Stream.iterate(exception, cause -> cause != null, cause -> cause.getCause() == cause ? null
                : cause.getCause()).limit(64);
    }

    /** The first exception of this type in the chain. */
    public static <T extends Throwable> Optional<T> find(Throwable exception, Class<T> type) {
        return chain(exception).filter(type::isInstance).map(type::cast).findFirst();
    }
}
