package io.bilan.engine.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every response the engine's tests receive against the engine's own OpenAPI document: the status must be
 * documented for the operation, the content type must be one the document gives for that status, and a JSON body
 * must satisfy the schema given (objects with declared properties allow no other). A mismatch fails the test that
 * made the request. Requests outside the document (health, pages, an unknown path or method) are left alone.
 */
public final class ContractCheck implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The check, reading the document of the engine a test calls once per engine. */
    public static final ContractCheck INSTANCE = new ContractCheck();

    private final Map<String, Contract> byEngine = new ConcurrentHashMap<>();

    private ContractCheck() {
    }

    private static Contract load(String base) {
        try {
            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/q/openapi?format=json")).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the OpenAPI document answered " + answer.statusCode());
            }
            return new Contract(JSON.readTree(answer.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        byte[] body = response.asByteArray();
        Response kept = new ResponseBuilder().clone(response).setBody(body).build();
        URI uri;
        try {
            uri = URI.create(request.getURI());
        } catch (IllegalArgumentException notAUri) {
            return kept; // a test of malformed paths: no operation of the document is at such an address
        }
        String path = uri.getRawPath();
        Contract contract = byEngine.computeIfAbsent(uri.getScheme() + "://" + uri.getRawAuthority(),
                ContractCheck::load);
        Contract.Route route = contract.route(request.getMethod(), path).orElse(null);
        if (route != null) {
            String problem = contract.mismatch(route, response.statusCode(), response.contentType(), body);
            if (problem != null) {
                throw new AssertionError("The response of " + request.getMethod() + " " + path + " (operation "
                        + route.operation().path("operationId").asText() + ") does not match the OpenAPI document: "
                        + problem + "\nBody: " + new String(body, 0, Math.min(body.length, 2000),
                                java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return kept;
    }
}
