package io.bilan.engine.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.catalog.InstrumentCatalog;
import io.bilan.engine.catalog.Languages;
import io.bilan.engine.config.EngineConfig;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.runtime.RuntimeJson;
import io.bilan.engine.security.Roles;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.batch.BatchScorer;
import io.bilan.runtime.batch.InvalidBatchException;
import io.bilan.runtime.scoring.ReportJson;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.script.WouldWaitException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scoring endpoints: one response set, or a batch streamed in CSV or NDJSON. Nothing is stored. */
@Path("/api/v1/instruments/{id}/{version}")
@Tag(name = "Scoring", description = "Score response sets with a published instrument; nothing is stored.")
@Blocking
public class ScoringResource {

    /** NDJSON, one JSON document per line. */
    public static final String NDJSON = "application/x-ndjson";
    /** CSV with a header row. */
    public static final String CSV = "text/csv";

    /** The type of a report, as the framework's JSON writer gave it. */
    private static final String REPORT_TYPE = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    private final ScoringService scoring;
    private final long maxStatisticsRows;
    private final ObjectMapper json;

    ScoringResource(ScoringService scoring, @RuntimeJson ObjectMapper json, EngineConfig config) {
        this.scoring = scoring;
        this.json = json;
        this.maxStatisticsRows = config.limits().maxStatisticsRows();
    }

    @POST
    @Path("/score")
    @RolesAllowed({Roles.COUNSELLOR, Roles.RESEARCHER, Roles.AUTHOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score one response set",
            description = "Validates the response set against the instrument's response schema, scores it and "
                    + "returns the report in the requested language (lang, else Accept-Language, else English).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = io.bilan.api.response.ResponseSet.class), examples = @ExampleObject(
            name = "teamwork-styles", value = "{\"respondent\": \"demo-01\", \"answers\": {\"coord1\": 4, \"support1\": 5, "
                    + "\"fc1\": {\"most\": \"support\", \"least\": \"challenge\"}}}")))
    @APIResponse(responseCode = "200", description = "The score report",
            content = @Content(schema = @Schema(implementation = ScoreReport.class)))
    @APIResponse(responseCode = "400", description = "The response set does not fit: every problem with a JSON Pointer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "404", description = "No such instrument or version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "422", description = "The instrument's script or scorer failed on these responses",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @NonBlocking
    public Uni<Response> score(@Parameter(example = "teamwork-styles") @PathParam("id") String id,
            @Parameter(example = "latest") @PathParam("version") String version,
            @Parameter(description = "Report language", example = "fr") @QueryParam("lang") String lang,
            @Parameter(description = "Norm table id; the instrument's first when absent") @QueryParam("norm") String norm,
            @Context HttpHeaders headers, byte[] body) {
        // The body is read on the event loop (cheap, non-blocking). An instrument already in memory whose scoring
        // takes microseconds (declarative, or with a script quick lately) is scored there too; anything that may
        // read the database, load a package or run a script for up to its time limit runs on a worker thread, and
        // so does a script that could not run at once or ran too long for the event loop (nothing came of that
        // call). Either way a refusal fails the Uni, mapped alike.
        Optional<InstrumentCatalog.Resolved> inMemory = scoring.inMemoryWithoutWaiting(id, version);
        if (inMemory.isPresent()) {
            InstrumentCatalog.Resolved resolved = inMemory.get();
            try {
                ScoreOptions options = options(lang, norm, headers, resolved.instrument());
                // Most bodies are plainly valid and read straight into the scales; the others are read into a
                // tree, checked and explained.
                ScoreReport report = scoring.scorePlain(resolved, body, options);
                return Uni.createFrom().item(written(report != null ? report
                        : scoring.scoreWithoutWaiting(resolved, responseSet(body), options)));
            } catch (WouldWaitException e) {
                // scored again on a worker, below
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return Uni.createFrom().item(() -> scoreOnWorker(id, version, lang, norm, headers, body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response scoreOnWorker(String id, String version, String lang, String norm, HttpHeaders headers,
            byte[] body) {
        Instrument instrument = scoring.instrument(id, version);
        return written(scoring.score(instrument, responseSet(body), options(lang, norm, headers, instrument)));
    }

    /**
     * The report as the framework's JSON writer gave it, byte for byte (its properties in alphabetical order), written
     * by {@link ReportJson} rather than by data binding, which took more of a request's time than its scoring.
     */
    private static Response written(ScoreReport report) {
        return Response.ok(ReportJson.bytes(report), REPORT_TYPE).build();
    }

    private JsonNode responseSet(byte[] body) {
        JsonNode responseSet;
        try {
            responseSet = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadRequestException("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        if (responseSet == null || !responseSet.isObject()) {
            throw new BadRequestException("the body must be a JSON object: {\"answers\": {...}}");
        }
        return responseSet;
    }

    private static ScoreOptions options(String lang, String norm, HttpHeaders headers, Instrument instrument) {
        return new ScoreOptions(Languages.choose(lang, headers, instrument), norm);
    }

    @POST
    @Path("/score-batch")
    @RolesAllowed({Roles.RESEARCHER, Roles.COUNSELLOR, Roles.AUTHOR, Roles.ADMIN})
    @Consumes({CSV, NDJSON})
    @Produces({CSV, NDJSON})
    @Operation(summary = "Score a batch",
            description = "One respondent per CSV row or NDJSON line in, one result per row out, streamed: in the "
                    + "format the Accept header prefers (text/csv or application/x-ndjson), the batch's own when it "
                    + "allows both or says nothing, so a CSV batch can come back as NDJSON reports and an NDJSON batch "
                    + "as a CSV table. A row that cannot be scored is reported in its error column or line and never "
                    + "stops the batch. CSV columns: respondent, durationSeconds, then one per item (see "
                    + "docs/batch-formats.md).")
    @RequestBody(required = true, description = "The batch, as text: CSV with a header row, or one JSON document per line",
            content = {@Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "The results, row by row, in the format Accept asks for, else in "
            + "the format of the batch", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "The CSV header cannot be read",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "404", description = "No such instrument or version",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/x-ndjson",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public Response scoreBatch(@PathParam("id") String id, @PathParam("version") String version,
            @QueryParam("lang") String lang, @QueryParam("norm") String norm,
            @HeaderParam("Content-Type") String contentType, @Context HttpHeaders headers, InputStream body) {
        Instrument instrument = scoring.instrument(id, version);
        boolean csv = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CSV);
        BatchScorer.Format input = csv ? BatchScorer.Format.CSV : BatchScorer.Format.NDJSON;
        BatchScorer.Format output = answerFormat(input, headers.getAcceptableMediaTypes());
        ScoreOptions options = new ScoreOptions(Languages.choose(lang, headers, instrument), norm);
        StreamingOutput stream = sink -> {
            Reader in = new InputStreamReader(body, StandardCharsets.UTF_8);
            BatchOutput out = new BatchOutput(new OutputStreamWriter(sink, StandardCharsets.UTF_8), System::nanoTime);
            try {
                scoring.scoreBatch(instrument, input, in, out, output, options);
            } catch (InvalidBatchException e) {
                throw new BadRequestException(e.getMessage());
            }
            out.flushNow();
        };
        return Response.ok(stream, output == BatchScorer.Format.CSV ? CSV + "; charset=UTF-8" : NDJSON).build();
    }

    /**
     * The format of a batch's results: the first of the Accept header's media types, in its order of preference,
     * that names CSV or NDJSON; a wildcard ({@code *}{@code /*}, {@code text/*}...) that takes the batch's own
     * format keeps it. The framework has already answered 406 when Accept allows neither.
     */
    static BatchScorer.Format answerFormat(BatchScorer.Format input, java.util.List<MediaType> acceptable) {
        MediaType same = MediaType.valueOf(input == BatchScorer.Format.CSV ? CSV : NDJSON);
        MediaType other = MediaType.valueOf(input == BatchScorer.Format.CSV ? NDJSON : CSV);
        for (MediaType accepted : acceptable) {
            if (accepted.isCompatible(same)) {
                return input;
            }
            if (accepted.isCompatible(other)) {
                return input == BatchScorer.Format.CSV ? BatchScorer.Format.NDJSON : BatchScorer.Format.CSV;
            }
        }
        return input;
    }

    @POST
    @Path("/statistics")
    @RolesAllowed({Roles.RESEARCHER, Roles.COUNSELLOR, Roles.AUTHOR, Roles.ADMIN})
    @Consumes({CSV, NDJSON})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Statistics of a data set",
            description = "Scores a batch as score-batch does, streamed (chunked or with a Content-Length, beyond the "
                    + "1 MB document limit), and returns, per scale, n, mean and SD of the scores, "
                    + "Cronbach's alpha (raw, pairwise-complete, and standardized), the average inter-item r, and per "
                    + "item the item-total and item-rest correlations and alpha if dropped, with a warning for an item "
                    + "that correlates negatively with the rest of its scale (a missed reverse key?). As psych::alpha "
                    + "computes them; see docs/psychometrics.md.")
    @RequestBody(required = true, description = "The data set, as text: CSV with a header row, or NDJSON",
            content = {@Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "The statistics of each scale")
    @APIResponse(responseCode = "413", description = "More scored rows than bilan.limits.max-statistics-rows",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    public ScoringService.DataSetReport statistics(@PathParam("id") String id, @PathParam("version") String version,
            @HeaderParam("Content-Type") String contentType, InputStream body) throws java.io.IOException {
        Instrument instrument = scoring.instrument(id, version);
        boolean csv = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(CSV);
        try {
            return scoring.statistics(instrument, csv, new InputStreamReader(body, StandardCharsets.UTF_8),
                    new ScoreOptions(null, null), maxStatisticsRows);
        } catch (InvalidBatchException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
