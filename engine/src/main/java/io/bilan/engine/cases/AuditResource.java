package io.bilan.engine.cases;

import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The audit trail of a case. */
@Path("/api/v1/cases/{id}/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases", description = "Bilans: phases, sessions, administrations, profile, synthesis, consents, audit.")
@Blocking
public class AuditResource {

    private final AuditTrail audit;
    private final Caller caller;

    AuditResource(AuditTrail audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.COUNSELLOR)
    @Operation(summary = "Audit trail", description = "Who read or changed what in the case, oldest first, a page at "
            + "a time. Every read of the trail is recorded in it; the pages that follow a first page end where the "
            + "trail ended when that first page was read.")
    public RestResponse<List<CaseViews.AuditView>> audit(@PathParam("id") String id,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "20", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = PageRequest.MAX_LIMIT_TEXT, defaultValue = PageRequest.DEFAULT_LIMIT_TEXT))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION, example = PageRequest.CURSOR_EXAMPLE) @QueryParam(Cursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        return audit.trail(id, caller, PageRequest.of(limit, cursor, 2)).response(uri);
    }
}
