package org.orderplatform.order;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.orderplatform.platform.web.paging.Paging;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;

/** Turns list parameters into an {@link OrderQuery}, refusing what a caller may not ask for. */
@ApplicationScoped
public class OrderQueries {

    /** Four-digit years: PostgreSQL's timestamps end in year 294276, and Java's parser goes far beyond. */
    static final OffsetDateTime EARLIEST_AS_OF = OffsetDateTime.parse("0001-01-01T00:00:00Z");
    static final OffsetDateTime LATEST_AS_OF = OffsetDateTime.parse("9999-12-31T23:59:59Z");

    OrderQuery parse(Caller caller, Paging paging, String status, String sort, String ownerId, boolean all,
                     String asOf) {
        List<FieldError> errors = new ArrayList<>();
        Optional<OffsetDateTime> snapshot = Optional.empty();
        if (asOf != null && !asOf.isBlank()) {
            try {
                snapshot = Optional.of(OffsetDateTime.parse(asOf.trim()));
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("as_of", "must be a timestamp such as 2026-11-25T12:00:00Z"));
            }
            if (snapshot.filter(moment -> moment.isBefore(EARLIEST_AS_OF) || moment.isAfter(LATEST_AS_OF))
                    .isPresent()) {
                errors.add(new FieldError("as_of", "must be a timestamp from year 1 to 9999"));
            }
        }
        Optional<OrderStatus> wantedStatus = Optional.empty();
        if (status != null && !status.isBlank()) {
            try {
                wantedStatus = Optional.of(OrderStatus.valueOf(status.trim().toUpperCase()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(OrderStatus.values())));
            }
        }
        Optional<OrderQuery.Sort> order = OrderQuery.Sort.parse(sort);
        if (order.isEmpty()) {
            errors.add(new FieldError("sort", "must be one of " + Arrays.stream(OrderQuery.Sort.values())
                    .map(OrderQuery.Sort::wire).collect(Collectors.joining(", "))));
        }
        if ((ownerId != null || all) && !caller.superuser()) {
            throw ProblemException.ofStatus(403, "Only superusers may list other users' orders (owner_id, all)");
        }
        if (ownerId != null && all) {
            errors.add(new FieldError("all", "cannot be combined with owner_id"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Optional<Long> owner = all ? Optional.empty()
                : Optional.of(ownerId != null ? Long.parseLong(ownerId) : caller.userId());
        return new OrderQuery(owner, wantedStatus, snapshot, order.get(), paging);
    }

    /** What an If-Match header asks: a version ({@code "3"}, {@code W/"3"}, {@code 3}), any ({@code *}), or
     *  nothing; 412 for anything else. */
    static Precondition precondition(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Precondition.NONE;
        }
        if (ifMatch.trim().equals("*")) {
            return Precondition.ANY;
        }
        String tag = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return new Precondition(Optional.of(Long.parseLong(tag)), false);
        } catch (NumberFormatException e) {
            throw OrderProblem.VERSION_MISMATCH.exception("If-Match must name a version of the order, such as \"3\"");
        }
    }
}
