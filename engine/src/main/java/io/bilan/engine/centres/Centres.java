package io.bilan.engine.centres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.problem.ProblemException;
import io.bilan.engine.problem.ProblemType;
import io.bilan.engine.problem.Texts;
import io.bilan.engine.runtime.RequestJson;
import io.bilan.engine.security.Caller;
import io.bilan.engine.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The identity of each centre as its documents print it: legal name, address, declaration of activity, quality
 * certification, and for each counsellor the name and function of their signature block. An admin sets it; the
 * centre's counsellors read it. The synthesis document takes it when it is drafted.
 */
@ApplicationScoped
public class Centres {

    private static final Pattern CENTRE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ObjectMapper json;
    private final Clock clock;

    Centres(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** A centre's identity, as set and as read. */
    @Schema(name = "CentreIdentity")
    public record Identity(
            @Schema(description = "The centre's name, as registered", example = "Horizons Bilans SARL")
            @NotNull @Size(min = 1, max = 300) String name,
            @Schema(description = "Postal address; lines separated by line breaks", example = "12 rue de la Charité\n69002 Lyon")
            @Size(max = 1000) String address,
            @Schema(description = "Numéro de déclaration d'activité of the training body", example = "84 69 12345 69")
            @Size(max = 100) String declarationNumber,
            @Schema(description = "Quality certification, e.g. Qualiopi and the certificate's reference",
                    example = "Qualiopi — actions de bilan de compétences, certificat n° 2026-017")
            @Size(max = 500) String certification,
            @Schema(description = "The counsellors' signature blocks")
            @Size(max = 200) List<@NotNull @Valid Counsellor> counsellors,
            @Schema(readOnly = true) String updatedBy,
            @Schema(readOnly = true) OffsetDateTime updatedAt) {
    }

    /** How a counsellor is named and signs in the centre's documents. */
    @Schema(name = "CentreCounsellor")
    public record Counsellor(
            @Schema(description = "Who they are when they call: key:<id> for an API key, the token's subject otherwise",
                    example = "key:3f1c…") @NotNull @Size(min = 1, max = 200) String counsellor,
            @Schema(example = "Camille Roux") @NotNull @Size(min = 1, max = 200) String name,
            @Schema(example = "Conseillère en bilan de compétences, psychologue du travail") @Size(max = 300) String function) {
    }

    /** Sets a centre's identity, replacing what was set; admins only. */
    @Transactional
    public Identity set(String centre, Caller caller, Identity identity) {
        requireCentreId(centre);
        if (identity == null || identity.name() == null || identity.name().isBlank()) {
            throw new io.bilan.engine.problem.InvalidRequestException(List.of(ProblemException.error("/name",
                    "missing-name", Texts.of("centre.missing-name"))));
        }
        CentreIdentity row = CentreIdentity.findById(centre);
        if (row == null) {
            row = new CentreIdentity();
            row.centre = centre;
        }
        row.name = identity.name().strip();
        row.address = optional(identity.address());
        row.declarationNumber = optional(identity.declarationNumber());
        row.certification = optional(identity.certification());
        List<Counsellor> counsellors = identity.counsellors() == null ? List.of() : identity.counsellors().stream()
                .map(c -> new Counsellor(c.counsellor().strip(), c.name().strip(), optional(c.function()))).toList();
        row.counsellors = write(counsellors);
        row.updatedBy = caller.name();
        row.updatedAt = OffsetDateTime.now(clock);
        row.persist();
        return view(row);
    }

    /**
     * A centre's identity, to an admin or to a counsellor of that centre; to anyone else, and when none is set, not
     * found.
     */
    @Transactional
    public Identity read(String centre, Caller caller) {
        boolean own = caller.is(Roles.COUNSELLOR) && caller.centre().filter(centre::equals).isPresent();
        if (!caller.is(Roles.ADMIN) && !own) {
            throw notFound();
        }
        return find(centre).orElseThrow(Centres::notFound);
    }

    /** The identity of {@code centre}, if one is set. */
    public Optional<Identity> find(String centre) {
        return Optional.ofNullable(centre == null ? null : CentreIdentity.<CentreIdentity>findById(centre))
                .map(this::view);
    }

    private Identity view(CentreIdentity row) {
        return new Identity(row.name, row.address, row.declarationNumber, row.certification, read(row.counsellors),
                row.updatedBy, row.updatedAt);
    }

    private static void requireCentreId(String centre) {
        if (centre == null || !CENTRE.matcher(centre).matches()) {
            throw new io.bilan.engine.problem.InvalidRequestException(List.of(ProblemException.error("centre",
                    "invalid-centre", Texts.of("centre.invalid-id"))));
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, Texts.of("centre.not-found"));
    }

    private String write(List<Counsellor> counsellors) {
        try {
            return json.writeValueAsString(counsellors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Counsellor> read(String counsellors) {
        try {
            return RequestJson.stored(json).forType(new TypeReference<List<Counsellor>>() { }).readValue(counsellors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable counsellors of a centre", e);
        }
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
