package io.bilan.engine.profile;

import io.bilan.api.report.ScoreReport;
import io.bilan.career.CareerMatcher;
import io.bilan.career.CareerOption;
import io.bilan.career.ProjectSteps;
import io.bilan.career.Situation;
import io.bilan.engine.occupations.OccupationFilters;
import io.bilan.engine.occupations.Occupations;
import io.bilan.occupation.Occupation;
import io.bilan.profile.Profile;
import io.bilan.profile.ProfileBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Adds reports up into a profile and matches it to the occupation catalogue: what POST /api/v1/profiles answers,
 * and what a case's profile and career options are.
 */
@ApplicationScoped
public class ProfileAssembler {

    private static final int SECTOR_OCCUPATIONS = 3;
    private static final int TARGET_CHOICES = 10;

    private final Occupations occupations;
    private final CareerMatcher matcher;

    ProfileAssembler(Occupations occupations) {
        this.occupations = occupations;
        this.matcher = new CareerMatcher(occupations.catalogue());
    }

    /** What the options are filtered on, as the query parameters give them (checked here), and the situation. */
    public record Options(String target, String sector, String level, String limit, String language,
            Situation situation) {

        /** Options without a situation: nothing is left out, no situation factor applies. */
        public Options(String target, String sector, String level, String limit, String language) {
            this(target, sector, level, limit, language, Situation.NONE);
        }
    }

    /** The situation of a request, its occupation ids checked: a 400 at {@code at} for an unknown one. */
    public Situation situation(SituationRequest request, String at) {
        return request == null ? Situation.NONE : request.toSituation(occupations, at);
    }

    public ProfileResponse assemble(List<ScoreReport> reports, Options options) {
        String language = options.language();
        Situation situation = options.situation() == null ? Situation.NONE : options.situation();
        Profile profile = ProfileBuilder.build(reports);
        Integer preparation = OccupationFilters.number(options.level(), "level", 1, 5, null);
        CareerMatcher.Ranking ranking = matcher.rank(profile, situation, OccupationFilters.sector(options.sector()),
                preparation, OccupationFilters.number(options.limit(), "limit", 1, 100, 10));
        List<CareerOptionView> ranked = ranking.options().stream().map(option -> view(option, language)).toList();
        List<ProfileResponse.SectorView> sectors = matcher.sectors(profile, preparation, SECTOR_OCCUPATIONS).stream()
                .map(s -> new ProfileResponse.SectorView(s.sector().id(), s.sector().label(language), s.score(),
                        s.occupations().stream().map(id -> new ProfileResponse.OccupationTitle(id,
                                occupations.get(id).title().resolve(language, "en"))).toList()))
                .toList();
        CareerOptionView validation = null;
        List<ProfileResponse.OccupationTitle> choices = null;
        if (options.target() != null && !options.target().isBlank()) {
            String target = options.target().strip();
            if (occupations.find(target).isPresent()) {
                validation = validate(profile, situation, target, language);
            } else {
                choices = targetChoices(target, language);
            }
        }
        return new ProfileResponse(profile, ranked, sectors, validation, choices,
                ranking.leftOut().isEmpty() ? null : ranking.leftOut());
    }

    /**
     * The occupations whose words match a target that is not an id ({@code formateur}), to choose from; a 404 when
     * none does.
     */
    public List<ProfileResponse.OccupationTitle> targetChoices(String words, String language) {
        List<Occupation> found = occupations.candidates(words, TARGET_CHOICES);
        if (found.isEmpty()) {
            occupations.get(words); // the 404 problem, naming the target
        }
        return found.stream().map(o -> new ProfileResponse.OccupationTitle(o.id(), o.title().resolve(language, "en")))
                .toList();
    }

    /** The project validation of {@code target}: its fit, factors, gaps and steps. */
    public CareerOptionView validate(Profile profile, String target, String language) {
        return validate(profile, Situation.NONE, target, language);
    }

    /** The project validation of {@code target} for a person in this situation. */
    public CareerOptionView validate(Profile profile, Situation situation, String target, String language) {
        Occupation occupation = occupations.get(target);
        CareerOption assessed = matcher.assess(profile, situation, occupation);
        return CareerOptionView.of(assessed, occupation, language)
                .withSteps(ProjectSteps.of(profile, occupation, assessed), language);
    }

    private CareerOptionView view(CareerOption option, String language) {
        return CareerOptionView.of(option, occupations.get(option.occupation()), language);
    }
}
