package org.orderplatform.processing.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.platform.web.problem.ProblemDetails.FieldError;
import org.orderplatform.platform.web.problem.ProblemException;
import org.orderplatform.processing.batch.DailyReports;

/** {@code /api/admin/reports/daily}: what the order-report job computed, as JSON or CSV (superusers only). */
@Path("admin/reports")
@ApplicationScoped
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "password")
@RolesAllowed(Roles.ADMIN)
public class ReportsAdminResource {

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    static final String DATE_MESSAGE = "must be a date as YYYY-MM-DD";
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    @Inject
    DailyReports reports;

    /** The report for a range of days. */
    public record DailyReport(LocalDate from, LocalDate to, List<Row> days) {
    }

    /** Orders of one day (UTC), status and currency; revenue is their total, a decimal string. */
    public record Row(LocalDate day, String status, String currency, long orders, String revenue) {
    }

    @GET
    @Path("daily")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Orders per day, status and currency", description = "From the last order-report run "
            + "(POST /api/admin/jobs/order-report). from and to (YYYY-MM-DD, UTC, both included) default to the "
            + "last 30 days; at most 366 days. Accept: text/csv for CSV.")
    public DailyReport daily(@QueryParam("from") @Pattern(regexp = DATE, message = DATE_MESSAGE) String from,
                             @QueryParam("to") @Pattern(regexp = DATE, message = DATE_MESSAGE) String to) {
        LocalDate last = date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate first = date("from", from, last.minusDays(DEFAULT_DAYS - 1));
        if (first.isAfter(last)) {
            throw ProblemException.invalid(List.of(new FieldError("from", "must not be after to")));
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.invalid(List.of(new FieldError("from", "must be at most " + MAX_DAYS
                    + " days before to")));
        }
        List<Row> rows = reports.between(first, last).stream()
                .map(total -> new Row(total.day(), total.status(), total.currency(), total.orders(),
                        total.revenue().toPlainString()))
                .toList();
        return new DailyReport(first, last, rows);
    }

    @GET
    @Path("daily")
    @Produces("text/csv")
    @Operation(hidden = true)
    public String dailyCsv(@QueryParam("from") @Pattern(regexp = DATE, message = DATE_MESSAGE) String from,
                           @QueryParam("to") @Pattern(regexp = DATE, message = DATE_MESSAGE) String to) {
        return daily(from, to).days().stream()
                .map(row -> row.day() + "," + row.status() + "," + row.currency() + "," + row.orders() + ","
                        + row.revenue())
                .collect(Collectors.joining("\r\n", "day,status,currency,orders,revenue\r\n", ""));
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(List.of(new FieldError(field, "is not a date")));
        }
    }
}
