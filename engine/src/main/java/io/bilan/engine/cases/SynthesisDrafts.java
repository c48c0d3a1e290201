package io.bilan.engine.cases;

import io.bilan.api.report.ScoreReport;
import io.bilan.career.Situation;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.Mastery;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import io.bilan.engine.occupations.Occupations;
import io.bilan.engine.profile.CareerOptionView;
import io.bilan.engine.profile.ProfileAssembler;
import io.bilan.engine.profile.ProfileResponse;
import io.bilan.occupation.Occupation;
import io.bilan.profile.Profile;
import io.bilan.synthesis.Synthesis;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drafts a case's synthesis document from what the case holds: the profile its reports add up to and the validation
 * of the project the beneficiary has in mind; the demand only when the counsellor asks for it. The counsellor then
 * rewrites any section and chooses the options; nothing here is final until the beneficiary approves it.
 */
@ApplicationScoped
public class SynthesisDrafts {

    private static final int OPTIONS = 5;

    private final ProfileAssembler assembler;
    private final Occupations occupations;

    SynthesisDrafts(ProfileAssembler assembler, Occupations occupations) {
        this.assembler = assembler;
        this.occupations = occupations;
    }

    /**
     * What the draft is made of, besides the reports; {@code demand} is {@code null} unless the counsellor chose it;
     * {@code situation} is the person's as recorded on the case, which the project validation respects.
     */
    record Facts(String language, String beneficiary, String centre, List<String> counsellors, LocalDate startedOn,
            LocalDate concludedOn, int minutes, String demand, String target, Synthesis.Handover handover,
            Situation situation) {
    }

    Synthesis draft(Facts facts, List<ScoreReport> reports) {
        String language = facts.language();
        boolean fr = language.equals("fr");
        ProfileResponse matched = assembler.assemble(reports,
                new ProfileAssembler.Options(facts.target(), null, null, String.valueOf(OPTIONS + 1), language,
                        facts.situation()));
        Profile profile = matched.profile();
        CareerOptionView project = matched.projectValidation();
        if (project == null && facts.target() != null && !facts.target().isBlank()) {
            occupations.get(facts.target()); // words rather than an id: the document needs the occupation itself
        }
        Occupation target = project == null ? null : occupations.get(project.occupation());

        String circumstances = facts.demand() == null ? null : (fr
                ? "Demande exprimée lors de l'entretien préliminaire : " + facts.demand()
                : "Demand expressed at the preliminary interview: " + facts.demand());
        List<Synthesis.Step> roadmap = project == null || project.steps() == null ? List.of()
                : project.steps().stream().map(step -> new Synthesis.Step(step, null)).toList();
        // The options in the document are the ones the counsellor retains with the beneficiary, each with the reason
        // (an edit): the matcher's ranking is a list to discuss, not something the person said or chose.
        List<Synthesis.Option> options = List.of();
        return new Synthesis(language, new Synthesis.Beneficiary(facts.beneficiary(), facts.centre()),
                facts.counsellors(), facts.startedOn(), facts.concludedOn(), facts.minutes() / 60.0, circumstances,
                project == null ? null : new Synthesis.Project(project.title(), target.sector().label(language),
                        project.fit().label() + " — " + project.fit().meaning()),
                competences(profile, target, language), aptitudes(profile), interests(profile, fr),
                profile.interests() == null ? null : profile.interests().hollandCode(), values(profile, language),
                project == null ? List.of() : project.favourable().stream().map(CareerOptionView.Reason::text).toList(),
                project == null ? List.of() : project.unfavourable().stream().map(CareerOptionView.Reason::text).toList(),
                roadmap, options, null, null,
                facts.handover() == null ? null : facts.handover().withNotAssessed(notAssessed(profile, target, fr)));
    }

    /**
     * What the bilan did not assess, as the draft says it: each family of results it has no evidence for, the
     * competences the project requires that nothing measured, and what a bilan never is. The counsellor rewrites it.
     */
    private static List<String> notAssessed(Profile profile, Occupation target, boolean fr) {
        List<String> missing = new ArrayList<>();
        if (profile.competences().isEmpty()) {
            missing.add(fr ? "Les compétences : aucune n'a été évaluée par un questionnaire ou une observation."
                    : "Competences: none was assessed by a questionnaire or an observation.");
        } else if (target != null) {
            List<String> unmeasured = target.competences().stream()
                    .filter(required -> profile.competences().stream()
                            .noneMatch(found -> found.competence().equals(required.competence().id())))
                    .map(required -> required.competence().label(fr ? "fr" : "en")).toList();
            if (!unmeasured.isEmpty()) {
                missing.add((fr ? "Compétences que le projet demande et que le bilan n'a pas évaluées : "
                        : "Competences the project requires that the assessment did not measure: ")
                        + String.join(", ", unmeasured) + ".");
            }
        }
        if (profile.aptitudes().isEmpty()) {
            missing.add(fr ? "Les aptitudes : aucun test d'aptitude n'a été passé."
                    : "Aptitudes: no aptitude test was taken.");
        }
        if (profile.interests() == null) {
            missing.add(fr ? "Les intérêts professionnels : aucun questionnaire d'intérêts n'a été rempli."
                    : "Occupational interests: no interest questionnaire was answered.");
        }
        if (profile.values() == null) {
            missing.add(fr ? "Les valeurs professionnelles : aucun questionnaire de valeurs n'a été rempli."
                    : "Work values: no values questionnaire was answered.");
        }
        missing.add(fr ? "Un bilan de compétences n'est ni un diagnostic médical ou psychologique, ni un avis sur "
                + "l'aptitude médicale à un poste."
                : "A skills assessment is neither a medical or psychological diagnosis nor an opinion on medical "
                + "fitness for a job.");
        return missing;
    }

    /**
     * The competences the project requires that the profile has evidence of, with their mastery and the step required;
     * without a project, the strengths.
     */
    private static List<Synthesis.Level> competences(Profile profile, Occupation target, String language) {
        Map<String, Profile.CompetenceAssessment> assessed = new LinkedHashMap<>();
        profile.competences().forEach(c -> assessed.put(c.competence(), c));
        List<Synthesis.Level> levels = new ArrayList<>();
        if (target != null && !target.competences().isEmpty()) {
            // Only what was assessed is charted: a competence without evidence has no level to draw, and the
            // roadmap asks to check it.
            for (Occupation.RequiredCompetence required : target.competences()) {
                Profile.CompetenceAssessment found = assessed.get(required.competence().id());
                if (found == null) {
                    continue;
                }
                Mastery needed = Mastery.step(required.level());
                String note = (language.equals("fr") ? "niveau requis : " : "level required: ") + needed.label(language)
                        + " (" + needed.step() + "/4)";
                levels.add(new Synthesis.Level(required.competence().label(language), clamp(found.level()), note));
            }
            return levels;
        }
        for (Profile.CompetenceAssessment strength : profile.strengths()) {
            Competence.find(strength.competence()).ifPresent(competence -> levels.add(
                    new Synthesis.Level(competence.label(language), clamp(strength.level()), null)));
        }
        return levels;
    }

    private static List<Synthesis.Level> aptitudes(Profile profile) {
        return profile.aptitudes().stream()
                .filter(a -> a.raw() != null && a.max() != null && a.max() > 0)
                .map(a -> new Synthesis.Level(a.label(), clamp(a.raw() / a.max()), a.band()))
                .toList();
    }

    /** The six RIASEC areas of a profile as the document charts them, in hexagon order; empty unless all six are known. */
    public static List<Synthesis.Level> interests(Profile profile, String language) {
        return interests(profile, language.equals("fr"));
    }

    /** The work values of a profile as the document charts them, most important first; empty without evidence. */
    public static List<Synthesis.Level> valueLevels(Profile profile, String language) {
        return values(profile, language);
    }

    private static List<Synthesis.Level> interests(Profile profile, boolean fr) {
        if (profile.interests() == null || profile.interests().scores().size() != RiasecArea.values().length) {
            return List.of();
        }
        // The enum's order is the hexagon's, and its labels are the only ones (the vocabulary owns them).
        List<Synthesis.Level> levels = new ArrayList<>();
        for (RiasecArea area : RiasecArea.values()) {
            levels.add(new Synthesis.Level(area.label(fr ? "fr" : "en"),
                    clamp(profile.interests().scores().get(area.letter())), null));
        }
        return levels;
    }

    private static List<Synthesis.Level> values(Profile profile, String language) {
        if (profile.values() == null) {
            return List.of();
        }
        return profile.values().ranked().stream()
                .map(code -> new Synthesis.Level(WorkValue.of(code).label(language),
                        clamp(profile.values().scores().get(code)), null))
                .toList();
    }

    private static double clamp(double level) {
        return Math.max(0, Math.min(1, level));
    }
}
