package io.bilan.load.floor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Template;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The engine's two ways to answer a scoring request, with nothing of the engine in them: the body read into a
 * {@code JsonNode} and answered with fixed bytes of a report's size (1,335, the benchmark instrument's), on the event
 * loop as a declarative instrument is, or on a worker thread as a script is. What they cost beyond
 * {@code /q/health/live} is the framework's part of a scoring request.
 */
@Path("/api/v1/instruments/{id}/{version}")
public class ScoreResource {

    private static final byte[] REPORT = ("{\"report\":\"" + "x".repeat(1335 - 14) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    private static final String REPORT_TYPE = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    private final ObjectMapper json;
    private final Template hello;

    ScoreResource(ObjectMapper json, Template hello) {
        this.json = json;
        this.hello = hello;
    }

    @POST
    @Path("/score")
    @RolesAllowed("counsellor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    public Uni<Response> score(@PathParam("id") String id, @PathParam("version") String version, byte[] body) {
        try {
            return Uni.createFrom().item(answered(body));
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    @POST
    @Path("/score-on-worker")
    @RolesAllowed("counsellor")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @NonBlocking
    public Uni<Response> scoreOnWorker(@PathParam("id") String id, @PathParam("version") String version, byte[] body) {
        return Uni.createFrom().item(() -> answered(body)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response answered(byte[] body) {
        JsonNode answers;
        try {
            answers = json.readTree(body);
        } catch (IOException e) {
            throw new BadRequestException("the body is not valid JSON");
        }
        if (answers == null || !answers.isObject()) {
            throw new BadRequestException("the body must be a JSON object");
        }
        return Response.ok(REPORT, REPORT_TYPE).build();
    }

    /** A query and a template, so that the start prepares what the engine's first requests use. */
    @GET
    @Path("/items")
    @RolesAllowed("counsellor")
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String items(@PathParam("id") String id) {
        return hello.data("name", id).render() + ": " + Item.count();
    }

    /** The engine schedules maintenance; the scheduler then starts with it. */
    @Scheduled(every = "10m", delayed = "1m")
    void maintenance() {
    }
}
