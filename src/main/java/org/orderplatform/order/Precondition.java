package org.orderplatform.order;

import java.util.Optional;

/** The version a client says it read (If-Match), or that any version will do ({@code If-Match: *}). */
public record Precondition(Optional<Long> version, boolean any) {

    static final Precondition NONE = new Precondition(Optional.empty(), false);
    static final Precondition ANY = new Precondition(Optional.empty(), true);
}
