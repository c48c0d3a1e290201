package io.bilan.engine.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.report.ScoreReport;
import io.bilan.engine.problem.ProblemDetails;
import io.bilan.engine.problem.UnknownValueCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
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
            @Size(max = 200) String beneficiarySubject,
            @Schema(description = "The beneficiary's name, printed on their own copy of the synthesis; the pseudonymous "
                    + "id is used everywhere else", example = "Élodie Martin") @Size(max = 200) String name) {
    }

    /** The beneficiary's demand, as heard in the preliminary interview. */
    public record Demand(@Schema(example = "Reconversion vers le soin après dix ans dans la vente") String demand) {
    }

    /** Whether a bilan fits the demand. */
    public record FitDecision(
            @Schema(description = "Needed unless an administration decides: a bilan fits the demand, or the person "
                    + "is redirected") Decision decision,
            @Schema(description = "For a redirect: the route given, e.g. a VAE or the CEP") @Size(max = 2000) String route,
            @Schema(description = "The administration of the preliminary interview whose result decides") Long administration) {
    }

    /** A move to the next phase. */
    public record Transition(@Schema(example = "investigation") CasePhase to,
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
            @Schema(example = "latest") String version,
            @Schema(implementation = io.bilan.api.response.ResponseSet.class) JsonNode responses,
            @Schema(description = "Language of the report", example = "fr") @Size(max = 8) String lang) {
    }

    /**
     * The counsellor's edits of a synthesis draft. Every section can be rewritten; a section left out (or
     * {@code null}) stays as it is, a list sent replaces the section's list ({@code []} empties it). A field that is
     * not one of these, such as the status or the revision, is refused.
     */
    public record SynthesisEdit(
            @Schema(description = "Why and how the bilan took place; blank lines separate paragraphs")
            @Size(max = 20_000) String circumstances,
            @Schema(description = "The factors that favour the project, one sentence each")
            @Size(max = 50) List<@NotNull @Written @Size(max = 2000) String> favourable,
            @Schema(description = "The factors that hinder it, one sentence each")
            @Size(max = 50) List<@NotNull @Written @Size(max = 2000) String> unfavourable,
            @Schema(description = "The competences relevant to the project, each with a level from 0 to 1")
            @Size(max = 100) List<@NotNull @Valid Competence> competences,
            @Schema(description = "The options retained with the beneficiary, each with the reason")
            @Size(max = 20) List<@NotNull @Valid Option> options,
            @Schema(description = "The stages to carry the project out, in order")
            @Size(max = 50) List<@NotNull @Valid Step> roadmap,
            @Schema(description = "The closing words; blank lines separate paragraphs")
            @Size(max = 20_000) String conclusion,
            @Schema(description = "What the bilan did not assess, one sentence each")
            @Size(max = 30) List<@NotNull @Written @Size(max = 2000) String> notAssessed) {

        /** A stage of the roadmap. */
        public record Step(@NotNull @Written @Size(max = 500) String title, @Size(max = 4000) String detail) {
        }

        /** A competence as the document shows it. */
        public record Competence(@NotNull @Written @Size(max = 200) String label,
                @Schema(description = "From 0 to 1", example = "0.75") @NotNull @DecimalMin("0") @DecimalMax("1") Double level,
                @Schema(description = "A short remark shown beside the level") @Size(max = 500) String note) {
        }

        /**
         * An option retained with the beneficiary: an occupation of the catalogue (its title and sector then come
         * from it, unless a title is given), or anything else by its title.
         */
        public record Option(
                @Schema(description = "The occupation's id in the catalogue", example = "home-care-worker")
                @Size(max = 200) String occupation,
                @Schema(description = "Needed for an option outside the catalogue") @Written @Size(max = 300) String title,
                @Schema(description = "Why it was retained") @NotNull @Written @Size(max = 4000) String reason) {
        }
    }

    /** The beneficiary's request for changes. */
    public record ChangeRequest(@Size(max = 4000) String comment) {
    }

    /** The beneficiary's consent to share with a third party. */
    public record NewConsent(@Schema(example = "Hôpital Édouard-Herriot, service RH") String recipient,
            @Schema(description = "What the recipient may be given", example = "[\"synthesis\"]")
            List<@NotNull SharedPart> shared,
            @Schema(example = "Candidature au poste d'aide-soignant") @Size(max = 2000) String purpose) {
    }

    /** The fit decision of the preliminary phase. */
    @UnknownValueCode("invalid-decision")
    public enum Decision {
        /** A bilan fits the demand: the contract can be signed. */
        FIT,
        /** A bilan is not the right tool: the person is redirected, and the route says where. */
        REDIRECT;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The decision of a stored or posted code, or null for none or an unknown one. */
        public static Decision ofCode(String code) {
            for (Decision decision : values()) {
                if (decision.code().equals(code)) {
                    return decision;
                }
            }
            return null;
        }
    }

    /** A part of the bilan a beneficiary may consent to share, and a counsellor transmit. */
    @UnknownValueCode("invalid-part")
    public enum SharedPart {
        /** The approved synthesis document. */
        SYNTHESIS,
        /** The profile built from the case's results. */
        PROFILE,
        /** The score reports of the case's administrations. */
        RESULTS;

        @JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A case as its counsellors and its beneficiary see it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(String id, String centre, String beneficiary, String name, Map<String, String> contact,
            String phase,
            String demand, Fit fit, Contract contract, List<String> counsellors, Hours hours, LocalDate followUpOn,
            String closingRoute, OffsetDateTime createdAt, OffsetDateTime concludedAt, OffsetDateTime closedAt,
            Next next, EarlyFollowUp earlyFollowUp) {
    }

    /** Why the follow-up is held before the day it is due, as a counsellor recorded it. */
    public record EarlyFollowUp(String reason, String recordedBy, OffsetDateTime recordedAt) {
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

    /** The answers of an administration, as given. */
    public record ResponsesView(long administration, String instrument, String version, String administeredBy,
            OffsetDateTime administeredAt,
            @Schema(implementation = io.bilan.api.response.ResponseSet.class) JsonNode responses) {
    }

    /** The result of scoring a stored administration again. */
    public record Rescore(long administration, boolean sameReport, ScoreReport report) {
    }

    /** What to hand a third party, under which consent. */
    public record NewTransmission(@Schema(description = "The consent it rests on") Long consent,
            @Schema(description = "Any of what the consent covers", example = "[\"synthesis\"]")
            List<@NotNull SharedPart> parts) {
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
