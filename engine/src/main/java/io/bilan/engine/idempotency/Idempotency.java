package io.bilan.engine.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Makes a change happen once per {@code Idempotency-Key}: the change and the record of its response are written
 * in one transaction, so a retry finds either both or neither. A retry with the same key and body gets the first
 * response again, marked {@code Idempotent-Replayed: true}; the same key with another body is refused (422).
 */
@ApplicationScoped
public class Idempotency {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";
    /** The header marking a replayed response. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final IdempotencyStore store;
    private final ObjectMapper json;
    private final Clock clock;

    Idempotency(IdempotencyStore store, ObjectMapper json, Clock clock) {
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** A change to make once; may throw the checked exceptions of the operation (up to two kinds). */
    @FunctionalInterface
    public interface Change<E1 extends Exception, E2 extends Exception> {
        Response apply() throws E1, E2;
    }

    /**
     * Makes {@code change}, or replays its response when {@code key} was seen for this caller. Without a key the
     * change is simply made (in a transaction all the same).
     *
     * @param request the request body (bytes, or an object hashed as JSON): a retry must send the same
     * @param keep    what of the response body may be kept for a replay (e.g. not a secret shown once)
     */
    @Transactional(rollbackOn = Exception.class)
    public <E1 extends Exception, E2 extends Exception> Response once(String key, String caller, String operation,
            Object request, UnaryOperator<JsonNode> keep, Change<E1, E2> change) throws E1, E2 {
        return once(key, caller, operation, request, keep, response -> null, change);
    }

    /**
     * As {@link #once(String, String, String, Object, UnaryOperator, Change)}, and files the kept response under the
     * scope {@code scope} names for it (e.g. the case it is about), so that erasing that scope erases it too.
     *
     * @param scope what the response belongs to, from the response; null for nothing in particular
     */
    @Transactional(rollbackOn = Exception.class)
    public <E1 extends Exception, E2 extends Exception> Response once(String key, String caller, String operation,
            Object request, UnaryOperator<JsonNode> keep, Function<Response, String> scope, Change<E1, E2> change)
            throws E1, E2 {
        if (key == null) {
            return change.apply();
        }
        if (!KEY.matcher(key).matches()) {
            throw InvalidRequestException.at(HEADER, "invalid-idempotency-key",
                    Texts.of("detail.invalid-idempotency-key"));
        }
        IdempotentRequest.Id id = IdempotentRequest.Id.of(caller, key);
        String hash = sha256(request instanceof byte[] bytes ? bytes : body(json.valueToTree(request)));
        var seen = store.find(id);
        if (seen.isPresent()) {
            IdempotentRequest first = seen.get();
            if (!first.operation.equals(operation) || !first.requestHash.equals(hash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        Texts.of("detail.idempotency-key-reused"));
            }
            return replay(first);
        }
        Response response = change.apply();
        IdempotentRequest record = new IdempotentRequest();
        record.id = id;
        record.operation = operation;
        record.requestHash = hash;
        record.status = response.getStatus();
        record.location = response.getHeaderString("Location");
        // The scope first: the body is sealed with the key of the case it names.
        record.scope = scope.apply(response);
        record.setBody(response.getEntity() == null ? null : body(keep.apply(json.valueToTree(response.getEntity()))));
        record.createdAt = OffsetDateTime.now(clock);
        try {
            store.save(record);
        } catch (PersistenceException e) {
            // The same key was stored by a concurrent request since we looked: that one wins, this one is undone.
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    Texts.of("detail.idempotency-key-in-use"));
        }
        return response;
    }

    private static Response replay(IdempotentRequest first) {
        Response.ResponseBuilder response = Response.status(first.status).header(REPLAYED, "true");
        if (first.location != null) {
            response.header("Location", first.location);
        }
        byte[] body = first.getBody();
        if (body != null) {
            response.entity(body).type(MediaType.APPLICATION_JSON);
        }
        return response.build();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private byte[] body(JsonNode kept) {
        try {
            return json.writeValueAsBytes(kept);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
