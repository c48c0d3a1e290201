package io.bilan.engine.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Mastery;
import io.bilan.career.CareerOption;
import io.bilan.occupation.Occupation;
import io.bilan.occupation.WorkingCondition;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A career option as one person reads it: the occupation's title, sector and routes, how well it fits in words, the
 * reasons and the gaps in one language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareerOptionView(String occupation, String title, String sector, Integer level,
        @Schema(description = "Orders the options; not a percentage or a probability: read fit") double score,
        @Schema(description = "How well it fits, in a band") FitView fit,
        Double interestFit, Double valuesFit, Double competenceFit, List<String> notConsidered, List<Reason> favourable,
        List<Reason> unfavourable, List<GapView> gaps, List<String> routes,
        @Schema(description = "The French qualification level usually required, 3 (CAP) to 8 (doctorate)") Integer qualification,
        @Schema(description = "The training this person would need, in months, prerequisites they lack included")
        Integer trainingMonths,
        @Schema(description = "Working conditions it commonly involves") List<String> conditions,
        @Schema(description = "Its ROME codes") List<String> rome,
        List<String> steps) {

    /** A reason for or against, with its stable code. */
    public record Reason(String code, String subject, String text) {
    }

    /** A fit band: its id, its name and what it means, in the requested language. */
    public record FitView(@Schema(example = "good") String band, @Schema(example = "bonne") String label, String meaning) {
    }

    /**
     * A competence the occupation requires above the profile's step, or without evidence: how to check it and how to
     * close it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GapView(String competence, Mastery required, Mastery mastery, Double level, String check, String close) {
    }

    static CareerOptionView of(CareerOption option, Occupation occupation, String language) {
        return new CareerOptionView(option.occupation(), occupation.title().resolve(language, "en"),
                occupation.sector().id(), occupation.level(), option.score(),
                new FitView(option.fit().id(), option.fit().label(language), option.fit().meaning(language)),
                option.interestFit(), option.valuesFit(),
                option.competenceFit(), option.notConsidered(), reasons(option.favourable(), language),
                reasons(option.unfavourable(), language), option.gaps().stream().map(gap -> new GapView(gap.competence(),
                        gap.required(), gap.mastery(), gap.level(), text(gap.check(), language),
                        text(gap.close(), language))).toList(),
                occupation.routes().stream().map(route -> route.resolve(language, "en")).toList(),
                occupation.qualification(), option.trainingMonths(),
                occupation.conditions().stream().map(WorkingCondition::id).toList(), occupation.rome(), null);
    }

    /** The same with the stages of the project, for a project validation. */
    CareerOptionView withSteps(List<LocalizedText> steps, String language) {
        return new CareerOptionView(occupation, title, sector, level, score, fit, interestFit, valuesFit, competenceFit,
                notConsidered, favourable, unfavourable, gaps, routes, qualification, trainingMonths, conditions, rome,
                steps.stream().map(step -> step.resolve(language, "en")).toList());
    }

    private static String text(LocalizedText text, String language) {
        return text == null ? null : text.resolve(language, "en");
    }

    private static List<Reason> reasons(List<CareerOption.Factor> factors, String language) {
        return factors.stream().map(f -> new Reason(f.code(), f.subject(), f.text().resolve(language, "en"))).toList();
    }
}
