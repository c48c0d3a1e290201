package io.bilan.engine.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.problem.ProblemDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the case endpoints take and give. What they take is checked on arrival (Bean Validation): lengths within the
 * database's columns, no null elements in lists, dates a bilan can hold; a breach is a 400 problem pointing at it.
 */
public final class CaseViews {

    private CaseViews() {
    }

    /** A new case, opened by a counsellor of the centre in the preliminary phase. */
    public record NewCase(
            @Schema(description = "Pseudonymous id the centre gives the beneficiary", example = "B-2026-0142") String beneficiary,
            @Schema(description = "Contact data the centre chooses to keep", example = "{\"email\": \"c.martin@example.org\"}")
            Map<String, String> contact,
            @Schema(description = "The beneficiary's subject at the centre's identity provider, if they sign in there; "
                    + "never a key (key:<id>): a beneficiary without an account gets a key from the case")
            @Size(max = 200) String beneficiarySubject) {
    }

    /** The beneficiary's demand, as heard in the preliminary interview. */
    public record Demand(@Schema(example = "Reconversion vers le soin après dix ans dans la vente") String demand) {
    }

    /** Whether a bilan fits the demand. */
    public record FitDecision(@Schema(description = "fit or redirect", example = "fit") String decision,
            @Schema(description = "For a redirect: the route given, e.g. a VAE or the CEP") @Size(max = 2000) String route,
            @Schema(description = "The administration of the preliminary interview whose result decides") Long administration) {
    }

    /** A move to the next phase. */
    public record Transition(@Schema(example = "investigation") String to,
            @Schema(description = "At the conclusion: the follow-up date (default: bilan.cases.follow-up-after later)")
            @PlausibleDate LocalDate followUpOn) {
    }

    /** A session held with the beneficiary. */
    public record NewSession(@Schema(example = "2026-11-20") @PlausibleDate LocalDate date,
            @Schema(example = "120") Integer minutes,
            @Schema(example = "Entretien, passation du questionnaire d'intérêts") String activities) {
    }

    /** Responses to an instrument, to score and keep in the case. */
    public record NewAdministration(@Schema(example = "riasec-interests") String instrument,
            @Schema(example = "latest") String version, JsonNode responses,
            @Schema(description = "Language of the report", example = "fr") @Size(max = 8) String lang) {
    }

    /** The counsellor's edits of a synthesis draft: the free-text parts and the roadmap. */
    public record SynthesisEdit(String circumstances, String conclusion, List<@NotNull @Valid Step> roadmap) {

        /** A stage of the roadmap. */
        public record Step(@NotNull String title, String detail) {
        }
    }

    /** The beneficiary's request for changes. */
    public record ChangeRequest(@Size(max = 4000) String comment) {
    }

    /** The beneficiary's consent to share with a third party. */
    public record NewConsent(@Schema(example = "Hôpital Édouard-Herriot, service RH") String recipient,
            @Schema(description = "Any of synthesis, profile, results", example = "[\"synthesis\"]")
            List<@NotNull String> shared,
            @Schema(example = "Candidature au poste d'aide-soignant") @Size(max = 2000) String purpose) {
    }

    /** A case as its counsellors and its beneficiary see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(String id, String centre, String beneficiary, Map<String, String> contact, String phase,
            String demand, Fit fit, Contract contract, List<String> counsellors, Hours hours, LocalDate followUpOn,
            String closingRoute, OffsetDateTime createdAt, OffsetDateTime concludedAt, OffsetDateTime closedAt,
            Next next) {
    }

    /** The fit decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fit(String decision, String route, String source, String decidedBy, OffsetDateTime decidedAt) {
    }

    /** The contract's signatures. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contract(String beneficiarySignedBy, OffsetDateTime beneficiarySignedAt, String counsellorSignedBy,
            OffsetDateTime counsellorSignedAt) {
    }

    /** Time spent against the legal maximum. */
    public record Hours(int minutesUsed, int minutesLeft, int maximumMinutes) {
    }

    /** The next phase and what it still needs. */
    public record Next(String phase, List<ProblemDetails.Error> missing) {
    }

    /** A session, as logged. */
    public record SessionView(long id, String phase, LocalDate date, int minutes, String activities, String recordedBy) {
    }

    /** A stored administration and its report. */
    public record AdministrationView(long id, String phase, String instrument, String version, String digest,
            String administeredBy, OffsetDateTime administeredAt, ScoreReport report) {
    }

    /** The result of scoring a stored administration again. */
    public record Rescore(long administration, boolean sameReport, ScoreReport report) {
    }

    /** What to hand a third party, under which consent. */
    public record NewTransmission(@Schema(description = "The consent it rests on") Long consent,
            @Schema(description = "Any of what the consent covers: synthesis, profile, results", example = "[\"synthesis\"]")
            List<String> parts) {
    }

    /** What is handed to a third party, with the consent it rests on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Transmission(String recipient, String purpose, long consent, OffsetDateTime consentGivenAt,
            io.bilan.synthesis.Synthesis synthesis, io.bilan.profile.Profile profile, List<ScoreReport> results) {
    }

    /** A consent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentView(long id, String recipient, List<String> shared, String purpose, String givenBy,
            OffsetDateTime givenAt, OffsetDateTime withdrawnAt) {
    }

    /** An entry of the audit trail. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditView(OffsetDateTime at, String actor, String action, String detail) {
    }
}
