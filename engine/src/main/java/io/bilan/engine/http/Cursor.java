package io.bilan.engine.http;

import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of a list ends: the sort key of its last item, handed to clients as an opaque base64url string.
 * Clients only pass it back; a cursor that was not made here, or that belongs to another list, is a 400 naming the
 * {@code cursor} parameter, never a 500.
 */
public record Cursor(List<String> keys) {

    /** The query parameter that carries it. */
    public static final String PARAMETER = "cursor";
    /** Longest cursor read: far above any key the engine writes. */
    private static final int MAX_LENGTH = 1000;
    private static final String SEPARATOR = "\n";

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(Object... keys) {
        return new Cursor(java.util.Arrays.stream(keys).map(Cursor::text).toList());
    }

    private static String text(Object key) {
        // An instant written the same way whatever its offset, so that equal keys compare equal.
        return key instanceof OffsetDateTime time ? time.toInstant().toString() : String.valueOf(key);
    }

    /** The opaque string a client passes back as {@code ?cursor=}. */
    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back, which must hold {@code parts} keys; a 400 otherwise. */
    static Cursor decode(String text, int parts) {
        if (text.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            List<String> keys = List.of(decoded.split(SEPARATOR, -1));
            if (keys.size() != parts) {
                throw invalid();
            }
            return new Cursor(keys);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw invalid();
        }
    }

    /** The key at {@code index}, as it was written. */
    public String text(int index) {
        return keys.get(index);
    }

    /** The key at {@code index}, a whole number. */
    public long number(int index) {
        try {
            return Long.parseLong(keys.get(index));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    /** The key at {@code index}, an instant. */
    public OffsetDateTime instant(int index) {
        try {
            return OffsetDateTime.ofInstant(Instant.parse(keys.get(index)), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    /** The refusal of a cursor this list did not give. */
    public static InvalidRequestException invalid() {
        return InvalidRequestException.at(PARAMETER, "invalid-cursor", Texts.of("error.invalid-cursor"));
    }
}
