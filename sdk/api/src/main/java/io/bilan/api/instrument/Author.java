package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Who wrote the instrument package. Only {@code name} is required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Author(String name, String organisation, String email) {
}
