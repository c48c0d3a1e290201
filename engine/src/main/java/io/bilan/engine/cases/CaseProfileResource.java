package io.bilan.engine.cases;

import io.bilan.api.report.ScoreReport;
import io.bilan.engine.catalog.Languages;
import io.bilan.engine.profile.ProfileAssembler;
import io.bilan.engine.profile.ProfileResponse;
import io.bilan.engine.profile.SituationRequest;
import java.util.List;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.profile.Profile;
import io.bilan.profile.ProfileBuilder;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The profile of a case and the career options it opens. */
@Path("/api/v1/cases/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class CaseProfileResource {

    private final Administrations administrations;
    private final ProfileAssembler assembler;
    private final Situations situations;
    private final Caller caller;

    CaseProfileResource(Administrations administrations, ProfileAssembler assembler, Situations situations,
            Caller caller) {
        this.administrations = administrations;
        this.assembler = assembler;
        this.situations = situations;
        this.caller = caller;
    }

    @PUT
    @Path("/situation")
    @RolesAllowed(Roles.COUNSELLOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the person's situation", description = "What the counsellor records with the "
            + "beneficiary: current occupation, ruled-out options, conditions to leave or seek, acceptable training, "
            + "qualification. The case's career options and its synthesis draft respect it (docs/cases.md).")
    public SituationRequest recordSituation(@PathParam("id") String id, @Valid SituationRequest request) {
        return situations.record(id, caller, request);
    }

    @GET
    @Path("/situation")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "The person's situation", description = "As the counsellor recorded it; empty until then.")
    public SituationRequest situation(@PathParam("id") String id) {
        return situations.read(id, caller);
    }

    @GET
    @Path("/profile")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "The case's profile", description = "Its stored reports added up (docs/profiles.md).")
    public Profile profile(@PathParam("id") String id) {
        return ProfileBuilder.build(administrations.reports(id, caller));
    }

    @GET
    @Path("/career-options")
    @RolesAllowed({Roles.COUNSELLOR, Roles.BENEFICIARY})
    @Operation(summary = "Career options of the case", description = "The profile, the ranked and explained options, "
            + "sectors and, with target, the validation of that project. The situation recorded on the case applies;"
            + " each situation parameter given replaces that part of it for this request.")
    public ProfileResponse careerOptions(@PathParam("id") String id,
            @Parameter(description = "The project: an occupation id to validate, or words to get the occupations they"
                    + " match") @QueryParam("target") String target,
            @QueryParam("sector") String sector, @QueryParam("level") String level, @QueryParam("limit") String limit,
            @QueryParam("lang") String lang,
            @Parameter(description = "The occupation the person holds, left out unless includeExcluded")
            @QueryParam("current") String current,
            @Parameter(description = "Occupations they have held") @QueryParam("former") List<String> former,
            @Parameter(description = "Occupations they rule out") @QueryParam("ruledOut") List<String> ruledOut,
            @Parameter(description = "true to show excluded occupations all the same")
            @QueryParam("includeExcluded") String includeExcluded,
            @Parameter(description = "Their French qualification level, 1 to 8") @QueryParam("qualification") String qualification,
            @Parameter(description = "The longest training they accept, in months")
            @QueryParam("maxTrainingMonths") String maxTrainingMonths,
            @Parameter(description = "Working conditions they want to leave, e.g. night-work") @QueryParam("avoid") List<String> avoid,
            @Parameter(description = "Working conditions they look for, e.g. daytime-hours") @QueryParam("seek") List<String> seek,
            @Context HttpHeaders headers) {
        SituationRequest situation = SituationRequest.fromQuery(current, former, ruledOut, includeExcluded, qualification,
                maxTrainingMonths, avoid, seek);
        List<ScoreReport> reports = administrations.reports(id, caller);
        return assembler.assemble(reports, new ProfileAssembler.Options(target, sector, level, limit,
                Languages.choose(lang, headers, null), situations.of(id, caller, situation)));
    }
}
