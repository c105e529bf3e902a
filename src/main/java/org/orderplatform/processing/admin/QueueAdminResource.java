package org.orderplatform.processing.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.platform.web.input.NumericId;
import org.orderplatform.platform.web.paging.PageParameters;
import org.orderplatform.platform.web.paging.PageView;
import org.orderplatform.platform.web.paging.Paging;
import org.orderplatform.platform.web.problem.ProblemException;
import org.orderplatform.processing.OrderJobSteps;
import org.orderplatform.processing.OrderJobs;
import org.orderplatform.processing.ProcessingMetrics;
import org.orderplatform.processing.QueueStats;

/** {@code /api/admin/queue} and {@code /api/admin/dead-letters}: the processing pipeline, for superusers. */
@Path("admin")
@ApplicationScoped
@Tag(name = "admin", description = "Processing queue, dead letters, batch jobs and reports (superusers only)")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "password")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class QueueAdminResource {

    @Inject
    QueueStats stats;

    @Inject
    OrderJobs jobs;

    @Inject
    OrderJobSteps steps;

    @Inject
    MetricRegistry metrics;

    @GET
    @Path("queue")
    @Operation(summary = "What is waiting where", description = "queued (on the Redis queue), in_flight (taken "
            + "by a worker), retrying (waiting for their backoff), dead_letters, outbox_unpublished (committed, "
            + "not yet relayed to Redis), outbox_lag_seconds and oldest_queued_age_seconds. The Redis counts are "
            + "absent while Redis is unreachable.")
    public QueueStats.Snapshot queue() {
        return stats.now();
    }

    @GET
    @Path("dead-letters")
    @Operation(summary = "Jobs that failed their last attempt", description = "Newest first, with the last error.")
    public PageView<DeadLetterView> deadLetters(@BeanParam PageParameters page) {
        Paging paging = page.paging();
        List<DeadLetterView> items = jobs.deadLetters(paging.offset(), paging.size()).stream()
                .map(DeadLetterView::of).toList();
        return new PageView<>(items, jobs.countDeadLetters(), paging.page(), paging.size());
    }

    @POST
    @Path("dead-letters/{id}/replay")
    @Operation(summary = "Process a dead letter again", description = "Its order goes back to PENDING and the "
            + "job, with its attempts reset, back to the queue.")
    @APIResponse(responseCode = "202", description = "Queued again")
    @APIResponse(responseCode = "404", description = "No dead letter with this id")
    public Response replay(@PathParam("id") @NumericId String id) {
        long jobId = Long.parseLong(id);
        if (!steps.replay(jobId)) {
            throw ProblemException.ofStatus(404, "No dead letter " + jobId);
        }
        metrics.counter(ProcessingMetrics.JOBS_REPLAYED).inc();
        return Response.accepted(new Replayed(jobId)).build();
    }

    /** The job that will run again. */
    public record Replayed(long id) {
    }
}
