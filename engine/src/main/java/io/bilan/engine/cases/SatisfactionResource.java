package io.bilan.engine.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The satisfaction of a centre's beneficiaries, exported for its quality audits. */
@Path("/api/v1/satisfaction")
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class SatisfactionResource {

    /** The media type of NDJSON. */
    static final String NDJSON = "application/x-ndjson";

    private final SatisfactionExport export;
    private final Caller caller;
    private final ObjectMapper mapper;

    SatisfactionResource(SatisfactionExport export, Caller caller, ObjectMapper mapper) {
        this.export = export;
        this.caller = caller;
        this.mapper = mapper;
    }

    @GET
    @Produces("text/csv")
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Export the centre's satisfaction answers", description = "The answers to bilan-satisfaction "
            + "(end of the bilan) or follow-up-satisfaction (follow-up) in every case of the caller's centre, without "
            + "names or case ids: one row per questionnaire answered, or with aggregate=true one row of totals (means, "
            + "bands, answers counted). CSV (text/csv) or NDJSON (Accept: application/x-ndjson). Free-text comments only "
            + "with comments=true.")
    @APIResponse(responseCode = "200", description = "The answers",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not a satisfaction questionnaire, or an empty period",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response csv(
            @Parameter(description = "bilan-satisfaction (default) or follow-up-satisfaction") @QueryParam("instrument") String instrument,
            @Parameter(description = "First day answered, inclusive") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day answered, inclusive") @QueryParam("to") LocalDate to,
            @Parameter(description = "One row of totals instead of one row per answer") @QueryParam("aggregate") boolean aggregate,
            @Parameter(description = "Add the free-text comments; read them before sharing") @QueryParam("comments") boolean comments) {
        SatisfactionExport.Table table = export.export(caller, new SatisfactionExport.Request(instrument, from, to,
                aggregate, comments));
        return Response.ok(table.csv(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"satisfaction.csv\"").build();
    }

    @GET
    @Produces(NDJSON)
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(hidden = true)
    public Response ndjson(@QueryParam("instrument") String instrument, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("aggregate") boolean aggregate,
            @QueryParam("comments") boolean comments) {
        SatisfactionExport.Table table = export.export(caller, new SatisfactionExport.Request(instrument, from, to,
                aggregate, comments));
        return Response.ok(table.ndjson(mapper), NDJSON).build();
    }
}
