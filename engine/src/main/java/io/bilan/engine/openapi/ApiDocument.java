package io.bilan.engine.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document Quarkus builds from the resources, so that a client generated from it works as
 * is: a readable operationId for every operation, honest security schemes ({@code security: []} on anonymous
 * operations, the roles in the description), every error status with its problem body through shared responses,
 * the servers, required properties and declared nullability. What the annotations say stays; this adds what
 * they cannot say once for all.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    /** The scheme of Bilan's own API keys. */
    static final String API_KEY = "apiKey";
    /** The scheme of the centre's identity provider's tokens. */
    static final String IDENTITY_PROVIDER = "identityProvider";
    /** Where the problem types are explained. */
    static final String PROBLEMS_DOC = "docs/problems.md";

    private static final String PROBLEM = "#/components/schemas/Problem";

    /** The shared error responses, by status: name and description. */
    private static final Map<String, String[]> SHARED = new LinkedHashMap<>();

    static {
        SHARED.put("400", new String[] {"BadRequest", "The request breaks a rule of the API: `errors` points at each "
                + "value at fault (`invalid-request`, `malformed-json`, `bad-request`)."});
        SHARED.put("401", new String[] {"Unauthenticated", "No credentials, or credentials refused "
                + "(`unauthenticated`). Send `Authorization: Bearer <API key or token>`."});
        SHARED.put("403", new String[] {"Forbidden", "The caller's role does not allow this (`forbidden`, or a "
                + "more specific type such as `instrument-owned`)."});
        SHARED.put("404", new String[] {"NotFound", "No such resource among the caller's (`not-found`, "
                + "`instrument-not-found`, `case-not-found`, `occupation-not-found`)."});
        SHARED.put("406", new String[] {"NotAcceptable", "No media type of the `Accept` header can be served "
                + "(`not-acceptable`)."});
        SHARED.put("409", new String[] {"Conflict", "Not possible in the resource's current state: a bilan's rule "
                + "(`case-rule`), a change by another request (`concurrent-change`), a request with the same "
                + "Idempotency-Key in progress, a version already published."});
        SHARED.put("411", new String[] {"LengthRequired", "A body sent in chunks to an endpoint that reads it "
                + "whole (`length-required`)."});
        SHARED.put("413", new String[] {"TooLarge", "The body is over the endpoint's limit (`body-too-large`, "
                + "`package-too-large`, `data-set-too-large`)."});
        SHARED.put("415", new String[] {"UnsupportedMediaType", "The endpoint does not read the body's "
                + "`Content-Type` (`unsupported-media-type`)."});
        SHARED.put("422", new String[] {"Unprocessable", "Well-formed but cannot be processed: an instrument's "
                + "script failed (`scoring-failed`), an Idempotency-Key reused for another request, text the PDF "
                + "cannot print."});
        SHARED.put("414", new String[] {"UriTooLong", "The request line is longer than the engine reads; the "
                + "answer has no body."});
        SHARED.put("500", new String[] {"InternalError", "A failure on the engine's side (`internal-error`); it is "
                + "logged with the path. Report it with the time and path."});
        SHARED.put("503", new String[] {"Unavailable", "Not ready or too busy: the catalogue is still loading at "
                + "start, or too many scripted calls run at once. Retry after `Retry-After` seconds."});
    }

    /** Readable, stable operation ids, by method and path; an operation missing here keeps Class_method. */
    private static final Map<String, String> OPERATION_IDS = new LinkedHashMap<>();

    static {
        String keys = "/api/v1/api-keys";
        id("GET", keys, "listApiKeys");
        id("POST", keys, "createApiKey");
        id("GET", keys + "/{id}", "getApiKey");
        id("DELETE", keys + "/{id}", "revokeApiKey");
        String cases = "/api/v1/cases";
        String oneCase = cases + "/{id}";
        id("POST", cases, "openCase");
        id("GET", cases, "listCases");
        id("GET", oneCase, "getCase");
        id("DELETE", oneCase, "eraseCase");
        id("GET", oneCase + "/administrations", "listAdministrations");
        id("POST", oneCase + "/administrations", "storeAdministration");
        id("GET", oneCase + "/administrations/{administration}", "getAdministration");
        id("POST", oneCase + "/administrations/{administration}/rescore", "rescoreAdministration");
        id("GET", oneCase + "/audit", "getAuditTrail");
        id("POST", oneCase + "/beneficiary-key", "issueBeneficiaryKey");
        id("GET", oneCase + "/career-options", "getCaseCareerOptions");
        id("GET", oneCase + "/consents", "listConsents");
        id("POST", oneCase + "/consents", "giveConsent");
        id("DELETE", oneCase + "/consents/{consent}", "withdrawConsent");
        id("POST", oneCase + "/counsellors", "addCounsellor");
        id("PUT", oneCase + "/demand", "recordDemand");
        id("PUT", oneCase + "/fit-decision", "decideFit");
        id("GET", oneCase + "/profile", "getCaseProfile");
        id("GET", oneCase + "/sessions", "listSessions");
        id("PUT", oneCase + "/situation", "recordSituation");
        id("GET", oneCase + "/situation", "getSituation");
        id("POST", oneCase + "/sessions", "logSession");
        id("POST", oneCase + "/signatures", "signContract");
        id("GET", oneCase + "/synthesis", "getSynthesis");
        id("GET", oneCase + "/synthesis/pdf", "getSynthesisPdf");
        id("PUT", oneCase + "/synthesis", "editSynthesis");
        id("POST", oneCase + "/synthesis", "draftSynthesis");
        id("POST", oneCase + "/synthesis/approve", "approveSynthesis");
        id("POST", oneCase + "/synthesis/request-changes", "requestSynthesisChanges");
        id("POST", oneCase + "/synthesis/submit", "submitSynthesis");
        id("POST", oneCase + "/transitions", "changePhase");
        id("PUT", oneCase + "/follow-up/early-reason", "recordEarlyFollowUpReason");
        id("GET", oneCase + "/administrations/{administration}/responses", "getAdministrationResponses");
        id("POST", oneCase + "/invitations", "inviteBeneficiary");
        id("GET", oneCase + "/invitations", "listInvitations");
        id("DELETE", oneCase + "/invitations/{invitation}", "revokeInvitation");
        id("POST", oneCase + "/observations", "openObservation");
        id("GET", oneCase + "/observations", "listObservations");
        id("GET", oneCase + "/observations/{observation}", "getObservation");
        id("POST", oneCase + "/observations/{observation}/close", "closeObservation");
        id("DELETE", oneCase + "/observations/{observation}/observers/{observer}", "revokeObserver");
        id("POST", oneCase + "/observations/{observation}/observers/{observer}/link", "renewObserverLink");
        id("GET", "/api/v1/satisfaction", "exportSatisfaction");
        id("GET", "/api/v1/centres/{centre}", "getCentre");
        id("PUT", "/api/v1/centres/{centre}", "setCentre");
        id("POST", oneCase + "/transmissions", "transmit");
        String instruments = "/api/v1/instruments";
        String version = instruments + "/{id}/{version}";
        id("POST", instruments, "publishPackage");
        id("GET", instruments, "listInstruments");
        id("GET", instruments + "/{id}", "listVersions");
        id("GET", version, "getDefinition");
        id("PUT", version + "/deprecated", "setDeprecated");
        id("GET", version + "/response-schema", "getResponseSchema");
        id("POST", version + "/score", "scoreResponses");
        id("POST", version + "/score-batch", "scoreBatch");
        id("POST", version + "/statistics", "computeStatistics");
        id("GET", "/api/v1/occupations", "searchOccupations");
        id("GET", "/api/v1/occupations/{id}", "getOccupation");
        id("POST", "/api/v1/profiles", "buildProfile");
    }

    /**
     * The closed sets of properties the resources write as text, by schema and property ({@code []} for the items
     * of an array): the enum whose values they take (by class name, or {@code Class#FIELD} for a list of texts), so
     * that a generated client types them and the document cannot drift from the code.
     */
    private static final Map<String, String> CLOSED_SETS = new LinkedHashMap<>();

    static {
        String casePhase = "io.bilan.engine.cases.CasePhase";
        CLOSED_SETS.put("InstrumentSummary.kind", "io.bilan.api.instrument.InstrumentKind");
        CLOSED_SETS.put("InstrumentSummary.phases[]", "io.bilan.api.instrument.BilanPhase");
        CLOSED_SETS.put("InstrumentDefinition.kind", "io.bilan.api.instrument.InstrumentKind");
        CLOSED_SETS.put("CaseView.phase", casePhase);
        CLOSED_SETS.put("Next.phase", casePhase);
        CLOSED_SETS.put("SessionView.phase", casePhase);
        CLOSED_SETS.put("AdministrationView.phase", casePhase);
        // Answered as text, the same closed sets the requests take as enums (FitDecision, NewConsent).
        CLOSED_SETS.put("Fit.decision", "io.bilan.engine.cases.CaseViews$Decision");
        CLOSED_SETS.put("ConsentView.shared[]", "io.bilan.engine.cases.CaseViews$SharedPart");
        CLOSED_SETS.put("ProblemError.severity", "io.bilan.api.report.Severity");
        CLOSED_SETS.put("ApiKey.roles[]", "io.bilan.engine.security.Roles#ALL");
        CLOSED_SETS.put("NewKey.roles[]", "io.bilan.engine.security.Roles#ALL");
        CLOSED_SETS.put("Document.status", "io.bilan.engine.cases.Syntheses#STATUSES");
        CLOSED_SETS.put("InvitationView.status", "io.bilan.engine.cases.Invitations#STATUSES");
    }

    private static void id(String method, String path, String operationId) {
        OPERATION_IDS.put(method + " " + path, operationId);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(List.of(OASFactory.createServer().url("http://localhost:8080")
                .description("An engine started with bin/bilan-engine on this machine; replace with your engine's "
                        + "address (keep any path prefix of a reverse proxy).")));
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        securitySchemes(components);
        sharedResponses(components);
        openSchemas(components);
        closedSets(components);
        schemas(components);
        Map<String, Set<String>> roles = ResourceFacts.byOperation();
        Set<String> anonymous = ResourceFacts.anonymous();
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                String key = entry.getKey().name() + " " + path.getKey();
                Operation operation = entry.getValue();
                String id = OPERATION_IDS.get(key);
                if (id != null) {
                    operation.setOperationId(id);
                }
                security(operation, !anonymous.contains(key), roles.get(key));
                responses(entry.getKey(), path.getKey(), operation);
            }
        }
    }

    private static void securitySchemes(Components components) {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("bilan_<id>_<secret>")
                .description("An API key of this engine, sent as `Authorization: Bearer bilan_...`. An admin creates "
                        + "keys with `POST /api/v1/api-keys`; the first admin's key comes from "
                        + "`bin/bilan-engine create-admin-key`. A key holds one or more roles."));
        schemes.put(IDENTITY_PROVIDER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("A token of the centre's identity provider (a signed JWT), sent as "
                        + "`Authorization: Bearer <token>`; its `groups` claim holds the roles, its `centre` claim "
                        + "the centre. Configured with `mp.jwt.verify.*` (docs/configuration.md)."));
        components.setSecuritySchemes(schemes);
    }

    private static void security(Operation operation, boolean secured, Set<String> roles) {
        if (!secured) {
            // Anonymous: no credentials needed (OpenAPI's way to say so is an empty list).
            operation.setSecurity(new ArrayList<>());
            return;
        }
        List<SecurityRequirement> either = new ArrayList<>();
        either.add(OASFactory.createSecurityRequirement().addScheme(API_KEY));
        either.add(OASFactory.createSecurityRequirement().addScheme(IDENTITY_PROVIDER));
        operation.setSecurity(either);
        String who = roles == null || roles.isEmpty() ? "Any authenticated caller."
                : roles.size() == 1 ? "Role: " + roles.iterator().next() + "."
                : "Roles: any one of " + String.join(", ", roles) + ".";
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? who : description + "\n\n" + who);
    }

    /** The documents whose shape is the package's own: an instrument's definition, and its response schema. */
    private static void openSchemas(Components components) {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema("InstrumentDefinition", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The package's manifest (docs/package-format.md) with every text in one language, plus "
                        + "the language, the package digest and whether the version is deprecated. Items, scales and "
                        + "norms keep the package format's shape; for other callers than authors and admins the "
                        + "answer keys of test items (correct, credit) are left out.")
                .addProperty("id", text).addProperty("version", text)
                .addProperty("kind", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("title", text)
                .addProperty("language", OASFactory.createSchema().addType(Schema.SchemaType.STRING).examples(List.of("fr")))
                .addProperty("digest", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("SHA-256 of the package, as every score report carries it"))
                .addProperty("deprecated", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN))
                .required(List.of("id", "version", "language", "digest", "deprecated"))
                .additionalPropertiesBoolean(Boolean.TRUE));
        components.addSchema("JsonSchema", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("A JSON Schema (draft 2020-12), as the package format's rules derive it")
                .additionalPropertiesBoolean(Boolean.TRUE));
    }

    private static void sharedResponses(Components components) {
        for (Map.Entry<String, String[]> shared : SHARED.entrySet()) {
            APIResponse response = OASFactory.createAPIResponse().description(shared.getValue()[1]);
            if (!shared.getKey().equals("414")) {
                response.setContent(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
            }
            if (shared.getKey().equals("503") || shared.getKey().equals("409")) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds after which a retry may succeed")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            }
            components.addResponse(shared.getValue()[0], response);
        }
    }

    private static void responses(PathItem.HttpMethod method, String path, Operation operation) {
        Set<String> statuses = new LinkedHashSet<>();
        boolean writes = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT;
        // Any request can be malformed (a header, a parameter), and any credential sent can be refused, even where
        // none is needed.
        statuses.add("400");
        statuses.add("401");
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            statuses.add("403");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        statuses.add("406");
        if (method != PathItem.HttpMethod.GET) {
            statuses.add("409");
        }
        if (writes) {
            statuses.add("411");
            statuses.add("413");
            if (operation.getRequestBody() != null) {
                statuses.add("415");
            }
        }
        if (writes || path.contains("/synthesis")) {
            // A script that fails, an idempotency key reused, a synthesis with text its PDF cannot print.
            statuses.add("422");
        }
        statuses.add("414");
        statuses.add("500");
        statuses.add("503");
        var responses = operation.getResponses();
        APIResponse created = responses.getAPIResponse("201");
        if (created != null && created.getRef() == null) {
            created.addHeader("Location", OASFactory.createHeader().description("The path of what was created")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null && paged(operation)) {
            ok.addHeader("Link", OASFactory.createHeader()
                    .description("When more items follow: `<address of the next page>; rel=\"next\"` (RFC 8288). "
                            + "The address keeps the request's parameters and adds `cursor`; absent on the last page.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .example("<http://localhost:8080/api/v1/cases?limit=20&cursor=MjAyNi0xMS0yMFQwOTowMDowMFoKM2YwYw>; "
                            + "rel=\"next\""));
        }
        for (String status : statuses) {
            APIResponse existing = responses.getAPIResponse(status);
            if (existing == null || existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + SHARED.get(status)[0]));
            }
        }
        // Every error response with a body of its own speaks problem+json: make sure it names the one schema.
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("2") || response.getValue().getRef() != null
                    || response.getValue().getContent() != null) {
                continue;
            }
            String[] shared = SHARED.get(response.getKey());
            if (shared != null) {
                responses.addAPIResponse(response.getKey(), OASFactory.createAPIResponse()
                        .ref("#/components/responses/" + shared[0]));
            }
        }
    }

    /** A list read a page at a time: it takes a {@code cursor}. */
    private static boolean paged(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "cursor".equals(parameter.getName())
                        && parameter.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY);
    }

    private static void schemas(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        ResourceFacts.Properties facts = ResourceFacts.properties();
        for (Map.Entry<String, Schema> named : components.getSchemas().entrySet()) {
            Schema schema = named.getValue();
            if (named.getKey().equals("Problem") && schema.getProperties() != null) {
                Schema type = schema.getProperties().get("type");
                if (type != null) {
                    type.setDescription("A stable URN, `urn:bilan:problem:<code>`; every code is explained, with "
                            + "how to fix it, in " + PROBLEMS_DOC + ".");
                }
            }
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null) {
                continue;
            }
            Set<String> always = facts.present().getOrDefault(named.getKey(), Set.of());
            Set<String> never = facts.nonNull().getOrDefault(named.getKey(), Set.of());
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, Schema> property : new LinkedHashMap<>(properties).entrySet()) {
                if (always.contains(property.getKey())) {
                    names.add(property.getKey());
                }
                if (!never.contains(property.getKey())) {
                    schema.addProperty(property.getKey(), nullable(property.getValue()));
                }
            }
            if (!names.isEmpty()) {
                schema.setRequired(names);
            }
        }
    }

    /** Each closed set of {@link #CLOSED_SETS} as the {@code enum} of its property's schema. */
    private static void closedSets(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, String> closed : CLOSED_SETS.entrySet()) {
            String[] at = closed.getKey().replace("[]", "").split("\\.");
            Schema schema = components.getSchemas().get(at[0]);
            Schema property = schema == null || schema.getProperties() == null ? null
                    : schema.getProperties().get(at[1]);
            if (property == null) {
                throw new IllegalStateException("no property " + closed.getKey() + " in the document to close");
            }
            if (closed.getKey().endsWith("[]")) {
                property = property.getItems();
            }
            property.setEnumeration(new ArrayList<>(values(closed.getValue())));
        }
    }

    /** The values of an enum as JSON writes them, or the texts of a list constant ({@code Class#FIELD}). */
    static List<String> values(String source) {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            String[] parts = source.split("#");
            Class<?> type = Class.forName(parts[0], true, loader == null ? ApiDocument.class.getClassLoader() : loader);
            if (parts.length == 2) {
                List<String> texts = new ArrayList<>();
                for (Object value : (java.util.Collection<?>) type.getField(parts[1]).get(null)) {
                    texts.add(String.valueOf(value));
                }
                return texts;
            }
            java.lang.reflect.Method json = null;
            for (java.lang.reflect.Method method : type.getMethods()) {
                if (method.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class)) {
                    json = method;
                }
            }
            List<String> values = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                values.add(json == null ? ((Enum<?>) constant).name() : String.valueOf(json.invoke(constant)));
            }
            return values;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the closed set " + source + " cannot be read", e);
        }
    }

    /** The property's schema, allowing {@code null} too. */
    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            Schema ref = OASFactory.createSchema().ref(property.getRef());
            Schema either = OASFactory.createSchema().addAnyOf(ref)
                    .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
            if (property.getDescription() != null) {
                either.setDescription(property.getDescription());
            }
            return either;
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                // An enum lists every value the property takes: null is one of them here.
                property.addEnumeration(null);
            }
        }
        return property;
    }
}
