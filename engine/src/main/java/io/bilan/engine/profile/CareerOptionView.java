package io.bilan.engine.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.career.CareerOption;
import io.bilan.occupation.Occupation;
import java.util.List;

/** A career option as one person reads it: the occupation's title, sector and routes, the reasons in one language. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CareerOptionView(String occupation, String title, String sector, Integer level, double score,
        Double interestFit, Double valuesFit, Double competenceFit, List<String> notConsidered, List<Reason> favourable,
        List<Reason> unfavourable, List<CareerOption.Gap> gaps, List<String> routes, List<String> steps) {

    /** A reason for or against, with its stable code. */
    public record Reason(String code, String subject, String text) {
    }

    static CareerOptionView of(CareerOption option, Occupation occupation, String language) {
        return new CareerOptionView(option.occupation(), occupation.title().resolve(language, "en"),
                occupation.sector().id(), occupation.level(), option.score(), option.interestFit(), option.valuesFit(),
                option.competenceFit(), option.notConsidered(), reasons(option.favourable(), language),
                reasons(option.unfavourable(), language), option.gaps(),
                occupation.routes().stream().map(route -> route.resolve(language, "en")).toList(), null);
    }

    /** The same with the stages of the project, for a project validation. */
    CareerOptionView withSteps(List<LocalizedText> steps, String language) {
        return new CareerOptionView(occupation, title, sector, level, score, interestFit, valuesFit, competenceFit,
                notConsidered, favourable, unfavourable, gaps, routes,
                steps.stream().map(step -> step.resolve(language, "en")).toList());
    }

    private static List<Reason> reasons(List<CareerOption.Factor> factors, String language) {
        return factors.stream().map(f -> new Reason(f.code(), f.subject(), f.text().resolve(language, "en"))).toList();
    }
}
