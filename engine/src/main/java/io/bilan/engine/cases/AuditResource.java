package io.bilan.engine.cases;

import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
    @Operation(summary = "Audit trail", description = "Who read or changed what in the case, oldest first.")
    public List<CaseViews.AuditView> audit(@PathParam("id") String id) {
        return audit.trail(id, caller);
    }
}
