package io.bilan.runtime.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bilan.api.report.Severity;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValidationCodeTest {

    @Test
    void eachCodeStringNamesOneEntry() {
        Set<String> codes = Arrays.stream(ValidationCode.values()).map(ValidationCode::code).collect(Collectors.toSet());
        assertEquals(ValidationCode.values().length, codes.size());
    }

    @Test
    void codesAreKebabCaseAndEveryEntryHasAMeaning() {
        for (ValidationCode code : ValidationCode.values()) {
            assertTrue(code == ValidationCode.SCHEMA || code.code().matches("[a-z0-9]+(-[a-z0-9]+)*"), code.code());
            assertTrue(!code.meaning().isBlank(), code.name());
        }
    }

    @Test
    void aSchemaKeywordBecomesAKebabCaseCodeOfTheSchemaFamily() {
        assertEquals("schema-additional-properties", ValidationCode.schema("additionalProperties"));
        assertEquals("schema-required", ValidationCode.schema("required"));
        assertEquals(Optional.of(ValidationCode.SCHEMA), ValidationCode.of("schema-min-items"));
    }

    @Test
    void reportedStringsLeadBackToTheirEntry() {
        assertEquals(Optional.of(ValidationCode.UNKNOWN_ITEM), ValidationCode.of("unknown-item"));
        assertEquals(Optional.empty(), ValidationCode.of("no-such-code"));
        assertEquals(Severity.WARNING, ValidationCode.NO_FIXTURES.severity());
        assertEquals(Severity.ERROR, ValidationCode.FIXTURE_FAILED.severity());
    }

    @Test
    void anInvalidResultIsNamedAfterTheExtensionThatGaveIt() {
        assertEquals("invalid-script-result", ValidationCode.invalidResult("script").code());
        assertEquals("invalid-scorer-result", ValidationCode.invalidResult("scorer").code());
    }
}
