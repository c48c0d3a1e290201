package io.bilan.engine.profile;

import io.bilan.api.report.ScoreReport;
import io.bilan.engine.catalog.Languages;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.scoring.ScoringService;
import io.bilan.engine.security.Roles;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ScoreOptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Profiles: one person's reports added up, and the career options they open. Nothing is stored. */
@Path("/api/v1/profiles")
@RolesAllowed({Roles.COUNSELLOR, Roles.ADMIN})
@io.smallrye.common.annotation.Blocking
@Tag(name = "Profiles", description = "A person's competence portfolio, values, interests and career options.")
public class ProfileResource {

    /** Far more results than one bilan gathers; bounds the work of one request. */
    static final int MAX_RESULTS = 100;

    private final ScoringService scoring;
    private final ProfileAssembler assembler;

    ProfileResource(ScoringService scoring, ProfileAssembler assembler) {
        this.scoring = scoring;
        this.assembler = assembler;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Build a profile and its career options",
            description = "Adds up score reports, and response sets scored on the way, into a profile (see "
                    + "docs/profiles.md for the rules), and ranks the occupations of the catalogue for it, respecting the "
                    + "person's situation (current job and ruled-out options left out unless asked, qualification, "
                    + "training length, working conditions; docs/occupations.md). With target, also validates that "
                    + "occupation as the person's project. Stateless: nothing is stored.")
    @APIResponse(responseCode = "200", description = "The profile, the best options and the project validation")
    @APIResponse(responseCode = "400", description = "Invalid response sets, an unknown sector, a bad limit or situation")
    @APIResponse(responseCode = "404", description = "An unknown instrument, or a target no occupation matches")
    public ProfileResponse build(@Valid ProfileRequest request,
            @Parameter(description = "The person's project: an occupation id to validate, or words (formateur) to get the"
                    + " occupations they match in targetChoices", example = "registered-nurse")
            @QueryParam("target") String target,
            @Parameter(description = "Only options in this sector", example = "health") @QueryParam("sector") String sector,
            @Parameter(description = "Only options at this preparation level, 1 to 5") @QueryParam("level") String level,
            @Parameter(description = "How many options, 1 to 100 (default 10)") @QueryParam("limit") String limit,
            @Parameter(description = "Language of the texts", example = "fr") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        if (request == null) {
            throw new BadRequestException("the body must be {\"reports\": [...], \"administrations\": [...]}");
        }
        int count = (request.reports() == null ? 0 : request.reports().size())
                + (request.administrations() == null ? 0 : request.administrations().size());
        if (count > MAX_RESULTS) {
            throw InvalidRequestException.at(request.administrations() == null ? "/reports" : "/administrations",
                    "too-many-entries", "a profile is built from at most " + MAX_RESULTS + " reports and "
                            + "administrations together, not " + count);
        }
        String language = Languages.choose(lang, headers, null);
        List<ScoreReport> reports = new ArrayList<>(request.reports() == null ? List.of() : request.reports());
        if (request.administrations() != null) {
            for (ProfileRequest.Administration administration : request.administrations()) {
                if (administration == null || administration.instrument() == null || administration.responses() == null) {
                    throw new BadRequestException("each administration needs an instrument and responses");
                }
                Instrument instrument = scoring.instrument(administration.instrument(),
                        administration.version() == null ? "latest" : administration.version());
                reports.add(scoring.score(instrument, administration.responses(), new ScoreOptions(language, null)));
            }
        }
        return assembler.assemble(reports, new ProfileAssembler.Options(target, sector, level, limit, language,
                assembler.situation(request.situation(), "/situation")));
    }
}
