package io.bilan.engine.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bilan.api.instrument.BilanPhase;
import io.bilan.api.instrument.InstrumentKind;
import io.bilan.engine.http.EntityTags;
import io.bilan.engine.http.QueryValues;
import io.bilan.engine.idempotency.Idempotency;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.InvalidPackageException;
import io.bilan.runtime.source.PackageReadException;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The instrument catalogue: listing, versions, localized definitions, response schemas and publishing. */
@Path("/api/v1/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Instrument packages: listing, definitions and publishing.")
@Blocking
public class InstrumentResource {

    /** How a listing may be cached: by anyone (it is the same for everyone), revalidated at each use. */
    static final String LISTING_CACHE = "public, no-cache";
    private static final List<String> KINDS = Arrays.stream(InstrumentKind.values()).map(InstrumentKind::code).toList();
    private static final List<String> PHASES = Arrays.stream(BilanPhase.values()).map(BilanPhase::code).toList();

    private final InstrumentCatalog catalog;
    private final CatalogListings listings;
    private final Caller caller;
    private final Idempotency idempotency;

    InstrumentResource(InstrumentCatalog catalog, CatalogListings listings, Caller caller, Idempotency idempotency) {
        this.catalog = catalog;
        this.listings = listings;
        this.caller = caller;
        this.idempotency = idempotency;
    }

    @GET
    @PermitAll
    @NonBlocking
    @Operation(summary = "List instruments",
            description = "Every instrument of the catalogue, described by its latest version, in the requested "
                    + "language (lang, else Accept-Language, else English). The answer has a strong ETag: sent back "
                    + "in If-None-Match, it is answered 304 without a body while the listing is unchanged.")
    @APIResponse(responseCode = "200", description = "The instruments, with a strong ETag",
            headers = {@Header(name = "ETag", description = "Changes whenever the listing does",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = LISTING_CACHE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = InstrumentSummary.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the ETag sent in If-None-Match is still current",
            headers = @Header(name = "ETag", description = "The current ETag", schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> list(
            @Parameter(description = "test, questionnaire or observation-grid", example = "questionnaire")
            @QueryParam("kind") String kind,
            @Parameter(description = "preliminary, investigation, conclusion or follow-up", example = "investigation")
            @QueryParam("phase") String phase,
            @Parameter(description = "Only instruments written in this language", example = "fr")
            @QueryParam("language") String language,
            @Parameter(description = "Words to find in the id, title or description", example = "team")
            @QueryParam("q") String text,
            @Parameter(description = "Language of the titles and descriptions", example = "fr")
            @QueryParam("lang") String lang,
            @Parameter(description = "The ETag of a listing already held", example = "\"kZ3v0cTqS2m1yXwB9fLpQe4A\"")
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers) {
        CatalogFilter filter = new CatalogFilter(QueryValues.oneOf("kind", kind, KINDS),
                QueryValues.oneOf("phase", phase, PHASES), languageCode(language), text);
        // Served on the event loop when it is already rendered; read and rendered on a worker thread otherwise.
        CatalogListings.Rendered rendered = listings.renderedList(filter, lang, headers);
        if (rendered != null) {
            return Uni.createFrom().item(answer(rendered, headers));
        }
        return Uni.createFrom().item(() -> answer(listings.list(filter, lang, headers), headers))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * A listing, or 304 when the client holds it. Public, since it is the same for everyone; revalidated at each use
     * (no-cache), since it changes the moment a version is published, which a client must see at once.
     */
    private static Response answer(CatalogListings.Rendered rendered, HttpHeaders headers) {
        Response.ResponseBuilder answer = EntityTags.noneMatchFails(headers.getRequestHeader("If-None-Match"),
                rendered.tag()) ? Response.notModified() : Response.ok(rendered.body(), MediaType.APPLICATION_JSON);
        if (rendered.language() != null) {
            answer.header("Content-Language", rendered.language());
        }
        return answer.header("ETag", rendered.tag()).header("Cache-Control", LISTING_CACHE)
                .header("Vary", "Accept-Language").build();
    }

    /** A language filter is a code, two or three letters: anything else could never match. */
    private static String languageCode(String language) {
        if (language == null || language.isEmpty()) {
            return null;
        }
        if (!language.matches("[a-z]{2,3}")) {
            throw InvalidRequestException.at("language", "invalid-language", Texts.of("error.invalid-language",
                    language));
        }
        return language;
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @NonBlocking
    @Operation(summary = "Versions of an instrument", description = "Every published version, oldest first, with a "
            + "strong ETag: sent back in If-None-Match, it is answered 304 without a body while they are unchanged.")
    @APIResponse(responseCode = "200", description = "The versions, with a strong ETag",
            headers = {@Header(name = "ETag", description = "Changes whenever the versions do",
                    schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Cache-Control", description = LISTING_CACHE, schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = InstrumentVersions.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the ETag sent in If-None-Match is still current",
            headers = @Header(name = "ETag", description = "The current ETag", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such instrument",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Uni<Response> versions(@Parameter(example = "teamwork-styles") @PathParam("id") String id,
            @Parameter(description = "The ETag of the versions already held", example = "\"T1xq8aZ0c3JmVb2LwQ7nHs5E\"")
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers) {
        CatalogListings.Rendered rendered = listings.renderedVersions(id);
        if (rendered != null) {
            return Uni.createFrom().item(answer(rendered, headers));
        }
        return Uni.createFrom().item(() -> answer(listings.versions(id), headers))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @GET
    @Path("/{id}/{version}")
    @Authenticated
    @Operation(summary = "Definition of an instrument version",
            description = "The manifest with every text in the requested language (lang, else Accept-Language, "
                    + "else English), plus the package digest. The version may be 'latest'. The answer keys of "
                    + "test items (correct, credit) are shown to authors and admins only.")
    @APIResponse(responseCode = "200", description = "The localized definition, with a strong ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InstrumentDefinition")))
    @APIResponse(responseCode = "304", description = "Not modified: the ETag sent in If-None-Match is still current")
    @APIResponse(responseCode = "404", description = "No such instrument or version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response definition(@Parameter(example = "teamwork-styles") @PathParam("id") String id,
            @Parameter(example = "latest") @PathParam("version") String version,
            @Parameter(example = "fr") @QueryParam("lang") String lang,
            @Parameter(description = "The ETag of a definition already held", example = "\"3f9a...-fr-d0-k0\"")
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers) {
        Instrument instrument = catalog.instrument(id, version);
        String language = Languages.choose(lang, headers, instrument);
        boolean keys = caller.is(Roles.AUTHOR) || caller.is(Roles.ADMIN);
        boolean deprecated = catalog.isDeprecated(id, version);
        // The package never changes under its digest; what else shapes the answer is in the tag too.
        String tag = "\"" + instrument.digest().replace("sha256:", "") + "-" + language + "-d" + (deprecated ? 1 : 0)
                + "-k" + (keys ? 1 : 0) + "\"";
        // Private: answer keys depend on the caller's role. Revalidated after an hour: deprecation may change.
        String cache = "latest".equals(version) ? "private, no-cache" : "private, max-age=3600";
        if (EntityTags.noneMatchFails(headers.getRequestHeader("If-None-Match"), tag)) {
            return Response.notModified().header("ETag", tag).header("Cache-Control", cache)
                    .header("Vary", "Accept-Language, Authorization").build();
        }
        ObjectNode definition = (ObjectNode) instrument.definition(language);
        definition.put("language", language);
        definition.put("digest", instrument.digest());
        definition.put("deprecated", deprecated);
        if (!keys) {
            hideAnswerKeys(definition);
        }
        return Response.ok(definition, MediaType.APPLICATION_JSON).header("ETag", tag).header("Cache-Control", cache)
                .header("Vary", "Accept-Language, Authorization").header("Content-Language", language).build();
    }

    @GET
    @Path("/{id}/{version}/response-schema")
    @Authenticated
    @Produces({"application/schema+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "JSON Schema of response sets",
            description = "The JSON Schema (draft 2020-12) a response set of this instrument version must satisfy.")
    @APIResponse(responseCode = "200", description = "The schema", content = {
            @Content(mediaType = "application/schema+json", schema = @Schema(ref = "JsonSchema")),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "JsonSchema"))})
    @APIResponse(responseCode = "404", description = "No such instrument or version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public JsonNode responseSchema(@Parameter(example = "teamwork-styles") @PathParam("id") String id,
            @Parameter(example = "1.0.0") @PathParam("version") String version) {
        return catalog.instrument(id, version).responseSchema();
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.ADMIN})
    @Consumes({"application/zip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Publish a package",
            description = "Validates the zipped package and runs its fixtures, then stores it. id@version never "
                    + "changes: the same content again is accepted as it is (200), other content is a conflict (409).")
    @RequestBody(description = "The package as a zip (bilan pack makes one)", required = true,
            content = @Content(mediaType = "application/zip", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "Published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionSummary.class)))
    @APIResponse(responseCode = "200", description = "Already published with the same content",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionSummary.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unreadable package: every problem is listed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "403", description = "The instrument was published by another author "
            + "(instrument-owned), or the publisher stores as many versions or bytes as its quota allows "
            + "(publisher-quota-exceeded)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "409", description = "This id@version is published with other content",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "413", description = "Package over the size limit",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response publish(byte[] zip,
            @Parameter(description = "Makes a retry get the first response again") @HeaderParam(Idempotency.HEADER) String key)
            throws PackageReadException, InvalidPackageException {
        return idempotency.<PackageReadException, InvalidPackageException>once(key, caller.name(),
                "POST /api/v1/instruments", zip, UnaryOperator.identity(), () -> {
            PublishOutcome outcome = catalog.publish(zip, "uploaded package", publisher());
            VersionSummary version = outcome.version();
            return Response.status(outcome.created() ? Response.Status.CREATED : Response.Status.OK)
                    .header("Location", "/api/v1/instruments/" + version.id() + "/" + version.version())
                    .entity(version).build();
        });
    }

    @PUT
    @Path("/{id}/{version}/deprecated")
    @RolesAllowed({Roles.AUTHOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deprecate a version, or make it current again",
            description = "Body: true or false. A deprecated version stays scoreable; its reports carry the warning "
                    + "flag deprecated-version, and the catalogue marks it. Published versions are never deleted.")
    @APIResponse(responseCode = "200", description = "The version as it is now")
    @APIResponse(responseCode = "404", description = "No such instrument or version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public VersionSummary deprecate(@Parameter(example = "teamwork-styles") @PathParam("id") String id,
            @Parameter(example = "1.0.0") @PathParam("version") String version, @NotNull Boolean deprecated) {
        return catalog.setDeprecated(id, version, deprecated, publisher());
    }

    private InstrumentCatalog.Publisher publisher() {
        return new InstrumentCatalog.Publisher(caller.name(), caller.is(Roles.ADMIN));
    }

    /** Keeps a test's answers from the people taking it. */
    private static void hideAnswerKeys(ObjectNode definition) {
        JsonNode items = definition.path("items");
        for (JsonNode item : items) {
            if (item instanceof ObjectNode node) {
                node.remove(List.of("correct", "credit"));
            }
        }
    }

    /** An instrument's published versions. */
    public record InstrumentVersions(@Schema(example = "teamwork-styles") String id, List<VersionSummary> versions) {
    }
}
