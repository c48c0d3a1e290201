package io.bilan.engine.cases;

import io.bilan.engine.occupations.Occupations;
import io.bilan.engine.problem.InvalidRequestException;
import io.bilan.engine.problem.Texts;
import io.bilan.occupation.Occupation;
import io.bilan.synthesis.Synthesis;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The counsellor's part of a synthesis: applies an edit to a draft, and puts what the counsellor wrote back into a
 * new draft. The counsellor owns every section they have written; drafting again redrafts only the others.
 */
@ApplicationScoped
class SynthesisEdits {

    /** The sections of the document a counsellor writes, named as the edit's fields. */
    enum Section {
        CIRCUMSTANCES("circumstances"),
        FAVOURABLE("favourable"),
        UNFAVOURABLE("unfavourable"),
        COMPETENCES("competences"),
        OPTIONS("options"),
        ROADMAP("roadmap"),
        CONCLUSION("conclusion"),
        NOT_ASSESSED("notAssessed");

        final String field;

        Section(String field) {
            this.field = field;
        }

        /** The sections named in {@code stored}, as {@link #format} writes them. */
        static Set<Section> parse(String stored) {
            Set<Section> sections = EnumSet.noneOf(Section.class);
            if (stored != null) {
                Arrays.stream(stored.split(",")).map(String::strip).forEach(name -> Arrays.stream(values())
                        .filter(section -> section.field.equals(name)).forEach(sections::add));
            }
            return sections;
        }

        static String format(Set<Section> sections) {
            return sections.stream().sorted().map(section -> section.field).collect(Collectors.joining(","));
        }
    }

    /** A document as edited, and the sections the edit wrote. */
    record Applied(Synthesis synthesis, Set<Section> sections) {
    }

    private final Occupations occupations;

    SynthesisEdits(Occupations occupations) {
        this.occupations = occupations;
    }

    /**
     * {@code current} with the sections {@code edit} sends replaced; the others stay. The edit has been checked
     * (Bean Validation) on arrival; an option's occupation is checked against the catalogue here.
     */
    Applied apply(Synthesis current, CaseViews.SynthesisEdit edit) {
        Set<Section> sections = EnumSet.noneOf(Section.class);
        String circumstances = current.circumstances();
        if (edit.circumstances() != null) {
            circumstances = edit.circumstances().strip();
            sections.add(Section.CIRCUMSTANCES);
        }
        List<String> favourable = current.favourable();
        if (edit.favourable() != null) {
            favourable = edit.favourable().stream().map(String::strip).toList();
            sections.add(Section.FAVOURABLE);
        }
        List<String> unfavourable = current.unfavourable();
        if (edit.unfavourable() != null) {
            unfavourable = edit.unfavourable().stream().map(String::strip).toList();
            sections.add(Section.UNFAVOURABLE);
        }
        List<Synthesis.Level> competences = current.competences();
        if (edit.competences() != null) {
            competences = edit.competences().stream().map(competence -> new Synthesis.Level(competence.label().strip(),
                    competence.level(), optional(competence.note()))).toList();
            sections.add(Section.COMPETENCES);
        }
        List<Synthesis.Option> options = current.options();
        if (edit.options() != null) {
            options = options(edit.options(), current.language());
            sections.add(Section.OPTIONS);
        }
        List<Synthesis.Step> roadmap = current.roadmap();
        if (edit.roadmap() != null) {
            roadmap = edit.roadmap().stream().map(step -> new Synthesis.Step(step.title().strip(),
                    optional(step.detail()))).toList();
            sections.add(Section.ROADMAP);
        }
        String conclusion = current.conclusion();
        if (edit.conclusion() != null) {
            conclusion = edit.conclusion().strip();
            sections.add(Section.CONCLUSION);
        }
        List<String> notAssessed = notAssessed(current);
        if (edit.notAssessed() != null) {
            notAssessed = edit.notAssessed().stream().map(String::strip).toList();
            sections.add(Section.NOT_ASSESSED);
        }
        return new Applied(with(current, circumstances, favourable, unfavourable, competences, options, roadmap,
                conclusion, notAssessed), sections);
    }

    /** {@code draft} with the sections {@code kept} taken from {@code written}. */
    static Synthesis keep(Synthesis draft, Synthesis written, Set<Section> kept) {
        return with(draft,
                pick(kept, Section.CIRCUMSTANCES, draft, written, Synthesis::circumstances),
                pick(kept, Section.FAVOURABLE, draft, written, Synthesis::favourable),
                pick(kept, Section.UNFAVOURABLE, draft, written, Synthesis::unfavourable),
                pick(kept, Section.COMPETENCES, draft, written, Synthesis::competences),
                pick(kept, Section.OPTIONS, draft, written, Synthesis::options),
                pick(kept, Section.ROADMAP, draft, written, Synthesis::roadmap),
                pick(kept, Section.CONCLUSION, draft, written, Synthesis::conclusion),
                pick(kept, Section.NOT_ASSESSED, draft, written, SynthesisEdits::notAssessed));
    }

    private static List<String> notAssessed(Synthesis synthesis) {
        return synthesis.handover() == null ? List.of() : synthesis.handover().notAssessed();
    }

    private static <T> T pick(Set<Section> kept, Section section, Synthesis draft, Synthesis written,
            Function<Synthesis, T> part) {
        return part.apply(kept.contains(section) ? written : draft);
    }

    private List<Synthesis.Option> options(List<CaseViews.SynthesisEdit.Option> chosen, String language) {
        List<Synthesis.Option> options = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            CaseViews.SynthesisEdit.Option option = chosen.get(i);
            String pointer = "/options/" + i;
            String title = option.title() == null ? null : option.title().strip();
            String sector = null;
            String occupation = optional(option.occupation());
            if (occupation != null) {
                Occupation found = occupations.catalogue().find(occupation).orElseThrow(() -> InvalidRequestException.at(
                        pointer + "/occupation", "unknown-occupation",
                        Texts.of("rule.unknown-occupation", option.occupation())));
                title = title == null ? found.title().resolve(language, "en") : title;
                sector = found.sector().label(language);
            } else if (title == null) {
                throw InvalidRequestException.at(pointer + "/title", "missing-title", Texts.of("rule.option-title"));
            }
            options.add(new Synthesis.Option(occupation, title, sector, option.reason().strip(), null));
        }
        return options;
    }

    private static String optional(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Synthesis with(Synthesis s, String circumstances, List<String> favourable, List<String> unfavourable,
            List<Synthesis.Level> competences, List<Synthesis.Option> options, List<Synthesis.Step> roadmap,
            String conclusion, List<String> notAssessed) {
        Synthesis.Handover handover = s.handover() != null ? s.handover().withNotAssessed(notAssessed)
                : notAssessed.isEmpty() ? null : new Synthesis.Handover(null, null, null, null, notAssessed);
        return new Synthesis(s.language(), s.beneficiary(), s.counsellors(), s.startedOn(), s.concludedOn(), s.hours(),
                circumstances, s.project(), competences, s.aptitudes(), s.interests(), s.hollandCode(), s.values(),
                favourable, unfavourable, roadmap, options, conclusion, s.approval(), handover);
    }
}
