package io.bilan.engine.centres;

import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The identity each centre prints on the documents it hands over, set by admins. */
@Path("/api/v1/centres/{centre}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Centres", description = "What a centre prints on its documents: legal identity and signature blocks.")
@Blocking
public class CentreResource {

    private final Centres centres;
    private final Caller caller;

    CentreResource(Centres centres, Caller caller) {
        this.centres = centres;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a centre's identity", description = "Its name, address, declaration of activity, quality "
            + "certification, and each counsellor's name and function for the signature block; replaces what was set. "
            + "Syntheses drafted afterwards print it.")
    @APIResponse(responseCode = "200", description = "Set")
    @APIResponse(responseCode = "400", description = "A text too long, a counsellor without a name",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Centres.Identity set(@PathParam("centre") String centre, @Valid Centres.Identity identity) {
        return centres.set(centre, caller, identity);
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.COUNSELLOR})
    @Operation(summary = "A centre's identity", description = "To admins, and to the counsellors of that centre.")
    @APIResponse(responseCode = "200", description = "The centre's identity")
    @APIResponse(responseCode = "404", description = "None set, or not your centre",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Centres.Identity get(@PathParam("centre") String centre) {
        return centres.read(centre, caller);
    }
}
