package io.bilan.examples.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.client.ApiClient;
import io.bilan.client.ApiException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** How the examples set up the generated client: the engine's address, the API key, timeouts, and refusals. */
final class Clients {

    /** The generated client's own JSON settings (dates, unknown fields of a newer engine ignored). */
    static final ObjectMapper JSON = ApiClient.createDefaultObjectMapper();

    private Clients() {
    }

    /** A generated client of the engine at {@code engine} (a path prefix is kept), calling with {@code apiKey}. */
    static ApiClient api(URI engine, String apiKey) {
        ApiClient api = new ApiClient();
        api.updateBaseUri(engine.toString().replaceAll("/+$", ""));
        api.setConnectTimeout(Duration.ofSeconds(10));
        api.setReadTimeout(Duration.ofSeconds(60));
        // The document's security scheme: the API key as an HTTP bearer credential.
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return api;
    }

    /** A call of the generated client. */
    interface Call<T> {
        T run() throws ApiException;
    }

    /** Runs {@code call}, turning a refusal of the engine into its problem. */
    static <T> T call(Call<T> call) throws ScoringProblem {
        try {
            return call.run();
        } catch (ApiException e) {
            String body = e.getResponseBody();
            return throwProblem(e.getCode(), body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static <T> T throwProblem(int status, byte[] body) throws ScoringProblem {
        throw ScoringProblem.of(status, body);
    }
}
