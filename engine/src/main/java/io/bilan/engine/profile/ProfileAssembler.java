package io.bilan.engine.profile;

import io.bilan.api.report.ScoreReport;
import io.bilan.career.CareerMatcher;
import io.bilan.career.CareerOption;
import io.bilan.career.ProjectSteps;
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

    private final Occupations occupations;
    private final CareerMatcher matcher;

    ProfileAssembler(Occupations occupations) {
        this.occupations = occupations;
        this.matcher = new CareerMatcher(occupations.catalogue());
    }

    /** What the options are filtered on, as the query parameters give them (checked here). */
    public record Options(String target, String sector, String level, String limit, String language) {
    }

    public ProfileResponse assemble(List<ScoreReport> reports, Options options) {
        String language = options.language();
        Profile profile = ProfileBuilder.build(reports);
        Integer preparation = OccupationFilters.number(options.level(), "level", 1, 5, null);
        List<CareerOptionView> ranked = matcher.rank(profile, OccupationFilters.sector(options.sector()), preparation,
                        OccupationFilters.number(options.limit(), "limit", 1, 100, 10)).stream()
                .map(option -> view(option, language)).toList();
        List<ProfileResponse.SectorView> sectors = matcher.sectors(profile, preparation, SECTOR_OCCUPATIONS).stream()
                .map(s -> new ProfileResponse.SectorView(s.sector().id(), s.sector().label(language), s.score(),
                        s.occupations().stream().map(id -> new ProfileResponse.OccupationTitle(id,
                                occupations.get(id).title().resolve(language, "en"))).toList()))
                .toList();
        CareerOptionView validation = null;
        if (options.target() != null && !options.target().isBlank()) {
            validation = validate(profile, options.target(), language);
        }
        return new ProfileResponse(profile, ranked, sectors, validation);
    }

    /** The project validation of {@code target}: its fit, factors, gaps and steps. */
    public CareerOptionView validate(Profile profile, String target, String language) {
        Occupation occupation = occupations.get(target);
        CareerOption assessed = matcher.assess(profile, occupation);
        return CareerOptionView.of(assessed, occupation, language)
                .withSteps(ProjectSteps.of(profile, occupation, assessed), language);
    }

    private CareerOptionView view(CareerOption option, String language) {
        return CareerOptionView.of(option, occupations.get(option.occupation()), language);
    }
}
