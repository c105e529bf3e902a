package org.orderplatform.processing.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobStartException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.orderplatform.platform.security.Roles;
import org.orderplatform.platform.web.input.NumericId;
import org.orderplatform.platform.web.problem.ProblemException;
import org.orderplatform.processing.ProcessingProblem;
import org.orderplatform.processing.batch.BatchJobs;
import org.orderplatform.processing.batch.ExecutionView;

/** {@code /api/admin/jobs}: run the batch jobs on demand and follow their executions (superusers only). */
@Path("admin/jobs")
@ApplicationScoped
@Tag(name = "admin")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "password")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobsAdminResource {

    @Inject
    BatchJobs jobs;

    @POST
    @Path("{job_name}")
    @Operation(summary = "Start a batch job", description = "order-reconciliation (requeue stuck orders, give up "
            + "hopeless ones, purge what outlived its retention) or order-report (rebuild the daily report). Runs in "
            + "the background; follow it at the Location given. One run of a job at a time across all replicas.")
    @APIResponse(responseCode = "202", description = "Started: {execution_id}")
    @APIResponse(responseCode = "404", description = "No job of that name")
    @APIResponse(responseCode = "409", description = "A run of this job is going on, on this replica or another")
    public Response start(@PathParam("job_name") String name, @Context UriInfo uri) {
        if (!BatchJobs.NAMES.contains(name)) {
            throw ProblemException.ofStatus(404, "No batch job '" + name
                    + "'; there are " + String.join(" and ", BatchJobs.NAMES.stream().sorted().toList()));
        }
        long execution;
        try {
            execution = jobs.start(name).orElseThrow(() -> ProcessingProblem.JOB_RUNNING.exception("A run of " + name
                    + " is going on (on this replica or another); start again when it has ended"));
        } catch (JobStartException e) {
            throw ProcessingProblem.JOB_NOT_STARTED.exception("The batch runtime could not start " + name
                    + " (is the database reachable?); try again");
        }
        return Response.accepted(new Started(execution))
                .location(uri.getBaseUriBuilder().path("admin/jobs/executions/{id}").build(execution))
                .build();
    }

    @GET
    @Path("executions/{id}")
    @Operation(summary = "One execution of a batch job", description = "batch_status: STARTING, STARTED, "
            + "COMPLETED, FAILED, STOPPED...; the history is kept in PostgreSQL across restarts.")
    @APIResponse(responseCode = "200", description = "The execution")
    @APIResponse(responseCode = "404", description = "No execution with this id")
    public ExecutionView execution(@PathParam("id") @NumericId String id) {
        return jobs.execution(Long.parseLong(id))
                .orElseThrow(() -> ProblemException.ofStatus(404, "No job execution " + id));
    }

    /** The execution a start created. */
    public record Started(long executionId) {
    }
}
