package io.bilan.engine.occupations;

import io.bilan.engine.catalog.Languages;
import io.bilan.engine.http.Cursor;
import io.bilan.engine.http.PageRequest;
import io.bilan.occupation.OccupationQuery;
import io.bilan.occupation.Sector;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The occupation catalogue: search and details. */
@Path("/api/v1/occupations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Occupations", description = "The occupations career options are matched to.")
public class OccupationResource {

    private final Occupations occupations;

    OccupationResource(Occupations occupations) {
        this.occupations = occupations;
    }

    @GET
    @Operation(summary = "Search occupations",
            description = "Occupations with a word starting with each word of q in a title, one of ROME's job titles,"
                    + " the sector, the description or a required competence, ignoring case and accents, with light"
                    + " French stemming; best first (titles weigh most). Without q, by English title.")
    @APIResponse(responseCode = "200", description = "The occupations found, possibly none")
    @APIResponse(responseCode = "400", description = "An unknown sector, a level outside 1 to 5, a limit out of range "
            + "or a cursor this search did not give")
    public RestResponse<List<OccupationView>> search(
            @Parameter(description = "Words to find", example = "formatrice") @QueryParam("q") String text,
            @Parameter(description = "A sector id, e.g. health, construction, it-digital", example = "health")
            @QueryParam("sector") String sector,
            @Parameter(description = "Preparation level, 1 to 5", example = "3") @QueryParam("level") String levelText,
            @Parameter(description = "Language of the texts", example = "fr") @QueryParam("lang") String lang,
            @Parameter(description = PageRequest.LIMIT_DESCRIPTION, example = "20", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "1", maximum = PageRequest.MAX_LIMIT_TEXT, defaultValue = PageRequest.DEFAULT_LIMIT_TEXT))
            @QueryParam(PageRequest.LIMIT) String limit,
            @Parameter(description = PageRequest.CURSOR_DESCRIPTION, example = PageRequest.CURSOR_EXAMPLE) @QueryParam(Cursor.PARAMETER) String cursor,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Integer level = OccupationFilters.number(levelText, "level", 1, 5, null);
        Sector wanted = OccupationFilters.sector(sector);
        String language = Languages.choose(lang, headers, null);
        PageRequest page = PageRequest.of(limit, cursor, 1);
        return occupations.search(new OccupationQuery(text, wanted, level), page)
                .map(occupation -> OccupationView.of(occupation, language)).response(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An occupation", description = "Its titles, sector, level, RIASEC and work-value figures, "
            + "key competences and routes, in the requested language.")
    @APIResponse(responseCode = "200", description = "The occupation")
    @APIResponse(responseCode = "404", description = "No such occupation")
    public OccupationView get(@Parameter(example = "registered-nurse") @PathParam("id") String id,
            @Parameter(description = "Language of the texts", example = "fr") @QueryParam("lang") String lang,
            @Context HttpHeaders headers) {
        return OccupationView.of(occupations.get(id), Languages.choose(lang, headers, null));
    }
}
