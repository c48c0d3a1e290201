package io.bilan.engine.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.PageRequest;
import io.bilan.engine.idempotency.Idempotency;
import io.bilan.engine.problem.ProblemDetails;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** API keys, managed by admins. The first admin's key comes from the command {@code bilan-engine create-admin-key}. */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys", description = "Keys of callers without an identity provider; admins only.")
@RolesAllowed(Roles.ADMIN)
@Blocking
public class ApiKeyResource {

    private final ApiKeys keys;
    private final Caller caller;
    private final Idempotency idempotency;

    ApiKeyResource(ApiKeys keys, Caller caller, Idempotency idempotency) {
        this.keys = keys;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    /** What to create. */
    public record KeyRequest(@Schema(example = "Camille Roux, CIBC Lyon") String name,
            @Schema(example = "[\"counsellor\"]") List<@NotNull String> roles,
            @Schema(description = "Required for counsellors and beneficiaries", example = "cibc-lyon") String centre) {
    }

    /** A new key: {@code key} is shown this once and never stored. */
    public record NewKey(@Schema(example = "q7m2x4k9d3a5b6c8") String id, String name, List<String> roles,
            String centre, OffsetDateTime createdAt,
            @Schema(description = "The key, shown in this answer only: a retry with the same Idempotency-Key answers "
                    + "without it", example = "bilan_q7m2x4k9d3a5b6c8_3v...")
            @JsonInclude(JsonInclude.Include.NON_NULL) String key) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key",
            description = "Returns the key once; only a hash of it is kept. Send it as Authorization: Bearer <key>. "
                    + "With an Idempotency-Key, a retry creates no second key; its replayed response lacks the "
                    + "secret, which is never stored: if the first response was lost, revoke that key and create another.")
    @APIResponse(responseCode = "201", description = "Created: the key is shown this once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewKey.class)))
    @APIResponse(responseCode = "400", description = "Invalid name, role or centre",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response create(@Valid KeyRequest request,
            @Parameter(description = "Makes a retry create nothing twice") @HeaderParam(Idempotency.HEADER) String key) {
        if (request == null) {
            throw io.bilan.engine.problem.InvalidRequestException.at("", "missing-body",
                    "send {\"name\": ..., \"roles\": [...], \"centre\": ...}");
        }
        return idempotency.once(key, caller.name(), "POST /api/v1/api-keys", request,
                body -> ((ObjectNode) body).without("key"), () -> {
                    ApiKeys.CreatedKey created = keys.create(request.name(), request.roles(), request.centre(),
                            caller.name());
                    ApiKeys.ApiKey stored = created.key();
                    return Response.status(Response.Status.CREATED).header("Location", "/api/v1/api-keys/" + stored.id())
                            .entity(new NewKey(stored.id(), stored.name(), stored.roles(), stored.centre(),
                                    stored.createdAt(), created.secret()))
                            .build();
                });
    }

    @GET
    @Operation(summary = "List API keys", description = "Every key, revoked ones included, newest first, a page at a "
            + "time; never a secret.")
    public RestResponse<List<ApiKeys.ApiKey>> list(
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "20", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = PageRequest.MAX_LIMIT_TEXT, defaultValue = PageRequest.DEFAULT_LIMIT_TEXT))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION, example = PageRequest.CURSOR_EXAMPLE) @QueryParam(Cursor.PARAMETER) String cursor,
            @Context UriInfo uri) {
        return keys.list(PageRequest.of(limit, cursor, 2)).response(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One API key")
    @APIResponse(responseCode = "200", description = "The key, never its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeys.ApiKey.class)))
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public ApiKeys.ApiKey get(@PathParam("id") String id) {
        return keys.find(id).orElseThrow(() -> new NotFoundException("no API key " + id));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once on this instance, within "
            + "bilan.auth.key-cache-ttl on others. Revoking it again changes nothing.")
    @APIResponse(responseCode = "200", description = "The key as it is now, revoked")
    @APIResponse(responseCode = "404", description = "No such key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public ApiKeys.ApiKey revoke(@PathParam("id") String id) {
        return keys.revoke(id, caller.name()).orElseThrow(() -> new NotFoundException("no API key " + id));
    }
}
