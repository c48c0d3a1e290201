package io.bilan.profile;

import io.bilan.api.report.OutcomeResult;
import io.bilan.api.report.ScaleStatus;
import io.bilan.api.report.ScoreReport;
import io.bilan.api.vocabulary.Competence;
import io.bilan.api.vocabulary.EvidenceMeasure;
import io.bilan.api.vocabulary.EvidenceSource;
import io.bilan.api.vocabulary.HollandCode;
import io.bilan.api.vocabulary.Mastery;
import io.bilan.api.vocabulary.RiasecArea;
import io.bilan.api.vocabulary.WorkValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the score reports of one person, of any instruments in any order, into a {@link Profile}. The rules:
 * <ul>
 * <li><b>Competences.</b> Each outcome is a piece of evidence with a weight by source: self-assessment 1,
 * experience 2, observation 3, test 3 (observed and tested evidence count more than what a person says of
 * themselves), and a measure: what its level says, <i>mastery</i> of the competence or how well examples and
 * practice <i>document</i> it. Only like is combined with like: the level is the weighted mean of the mastery
 * levels; documentation levels never lower (nor raise) it, they add confidence. A competence with documentation
 * evidence only takes the weighted mean of those levels, and says so ({@code basis}). The confidence is the total
 * weight of all the evidence over 6, capped at 1 (one self-assessment gives 0.17, a test and an observation 1).
 * A <i>conflict</i> is raised when the mean self-assessed mastery and the mean of observed and tested mastery
 * differ by 0.4 or more.</li>
 * <li><b>Mastery steps</b> ({@link Mastery}): a level falls in step 1 below 0.25, 2 from 0.25, 3 from 0.5, 4 from
 * 0.75, the scale occupations require competences on.
 * <li><b>Strengths</b>: competences at step 4 (level 0.75 or more) resting on mastery evidence whose confidence is
 * at least 0.5 (more than self-assessment behind them). <b>Potential</b>: competences at step 3 (level 0.5 to
 * 0.75), the ones to develop further.</li>
 * <li><b>Values and interests</b>: the weighted mean of the outcomes' levels per value or area, a person's own
 * answers weighing 1 and what a counsellor heard in conversation (source observation) 0.5.</li>
 * <li><b>Aptitudes</b>: the scored scales of the reports that gave test evidence.</li>
 * </ul>
 */
public final class ProfileBuilder {

    /** The version of these rules, carried by every profile; it changes whenever a rule does. */
    public static final int RULES = 2;

    static final double CONFLICT = 0.4;
    static final double STRENGTH = Mastery.EXPERT.threshold();
    static final double POTENTIAL = Mastery.PROFICIENT.threshold();
    static final double FULL_CONFIDENCE_WEIGHT = 6;

    private ProfileBuilder() {
    }

    /** The weight of a piece of competence evidence. */
    static double competenceWeight(EvidenceSource source) {
        return switch (source == null ? EvidenceSource.SELF_ASSESSMENT : source) {
            case SELF_ASSESSMENT -> 1;
            case EXPERIENCE -> 2;
            case OBSERVATION, TEST -> 3;
        };
    }

    /** The weight of a value or interest outcome: dialogue counts half as much as the person's own answers. */
    static double preferenceWeight(EvidenceSource source) {
        return source == EvidenceSource.OBSERVATION ? 0.5 : 1;
    }

    /** The profile of these reports. */
    public static Profile build(List<ScoreReport> reports) {
        List<String> sources = new ArrayList<>();
        Map<String, List<Profile.Evidence>> competenceEvidence = new LinkedHashMap<>();
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, double[]> interests = new LinkedHashMap<>();
        List<Profile.Aptitude> aptitudes = new ArrayList<>();
        for (ScoreReport report : reports) {
            sources.add(report.instrument() + " " + report.digest());
            boolean test = false;
            for (OutcomeResult outcome : report.outcomes()) {
                switch (outcome.type()) {
                    case "competence" -> {
                        // The ESCO URI of a framework competence is that competence: its evidence joins the same entry.
                        String id = Competence.find(outcome.target()).map(Competence::id).orElse(outcome.target());
                        competenceEvidence.computeIfAbsent(id, k -> new ArrayList<>()).add(
                                new Profile.Evidence(report.instrument(), outcome.scale(),
                                        outcome.source() == null ? EvidenceSource.SELF_ASSESSMENT : outcome.source(),
                                        outcome.level(), outcome.evidence(), outcome.measure()));
                        test |= outcome.source() == EvidenceSource.TEST;
                    }
                    case "work-value" -> add(values, outcome.target(), outcome.level(), preferenceWeight(outcome.source()));
                    case "interest" -> add(interests, outcome.target(), outcome.level(), preferenceWeight(outcome.source()));
                    default -> {
                    }
                }
            }
            if (test) {
                report.scales().forEach((id, scale) -> {
                    if (scale.status() == ScaleStatus.SCORED && !"script".equals(scale.source())) {
                        aptitudes.add(new Profile.Aptitude(report.instrument(), id, scale.label(), scale.raw(), scale.max(),
                                scale.band() == null ? null : scale.band().id()));
                    }
                });
            }
        }
        List<Profile.CompetenceAssessment> portfolio = portfolio(competenceEvidence);
        List<Profile.CompetenceAssessment> strengths = portfolio.stream()
                .filter(c -> c.mastery() == Mastery.EXPERT && c.basis() == EvidenceMeasure.MASTERY
                        && c.confidence() >= 0.5 - 1e-9).toList();
        List<Profile.CompetenceAssessment> potential = portfolio.stream()
                .filter(c -> c.mastery() == Mastery.PROFICIENT).toList();
        Profile.ValuesProfile valuesProfile = valuesProfile(values);
        Profile.InterestsProfile interestsProfile = interestsProfile(interests);
        return new Profile(RULES, sources, portfolio, strengths, potential, valuesProfile, interestsProfile, aptitudes,
                missing(portfolio, valuesProfile, interestsProfile, aptitudes));
    }

    private static void add(Map<String, double[]> sums, String key, double level, double weight) {
        double[] sum = sums.computeIfAbsent(key, k -> new double[2]);
        sum[0] += level * weight;
        sum[1] += weight;
    }

    private static List<Profile.CompetenceAssessment> portfolio(Map<String, List<Profile.Evidence>> evidence) {
        List<Profile.CompetenceAssessment> portfolio = new ArrayList<>();
        evidence.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<Profile.Evidence>> e) -> Competence.find(e.getKey())
                        .map(Enum::ordinal).orElse(Integer.MAX_VALUE)).thenComparing(Map.Entry::getKey))
                .forEach(entry -> {
                    boolean mastered = entry.getValue().stream().anyMatch(e -> e.measures() == EvidenceMeasure.MASTERY);
                    EvidenceMeasure basis = mastered ? EvidenceMeasure.MASTERY : EvidenceMeasure.DOCUMENTATION;
                    double weighted = 0;
                    double levelWeights = 0;
                    double weights = 0;
                    double[] self = new double[2];
                    double[] external = new double[2];
                    for (Profile.Evidence piece : entry.getValue()) {
                        EvidenceSource source = piece.source();
                        double weight = competenceWeight(source);
                        weights += weight;
                        if (piece.measures() != basis) {
                            continue; // documentation adds confidence, never level, to mastery
                        }
                        weighted += weight * piece.level();
                        levelWeights += weight;
                        if (basis != EvidenceMeasure.MASTERY) {
                            continue;
                        }
                        double[] side = source == EvidenceSource.SELF_ASSESSMENT ? self
                                : source == EvidenceSource.EXPERIENCE ? null : external;
                        if (side != null) {
                            side[0] += piece.level();
                            side[1]++;
                        }
                    }
                    String conflict = null;
                    if (self[1] > 0 && external[1] > 0) {
                        double difference = self[0] / self[1] - external[0] / external[1];
                        if (Math.abs(difference) >= CONFLICT - 1e-9) {
                            conflict = difference > 0 ? "self-higher" : "self-lower";
                        }
                    }
                    double level = weighted / levelWeights;
                    portfolio.add(new Profile.CompetenceAssessment(entry.getKey(), level, Mastery.of(level),
                            Math.min(1, weights / FULL_CONFIDENCE_WEIGHT), basis, conflict, List.copyOf(entry.getValue())));
                });
        return portfolio;
    }

    private static Profile.ValuesProfile valuesProfile(Map<String, double[]> sums) {
        if (sums.isEmpty()) {
            return null;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (WorkValue value : WorkValue.values()) {
            double[] sum = sums.get(value.code());
            if (sum != null) {
                scores.put(value.code(), sum[0] / sum[1]);
            }
        }
        List<String> ranked = new ArrayList<>(scores.keySet());
        // Stable: equal scores keep O*NET's order.
        ranked.sort(Comparator.comparing((String code) -> Math.round(scores.get(code) * 1e9)).reversed());
        return new Profile.ValuesProfile(scores, ranked);
    }

    private static Profile.InterestsProfile interestsProfile(Map<String, double[]> sums) {
        if (sums.isEmpty()) {
            return null;
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<RiasecArea, Double> areas = new EnumMap<>(RiasecArea.class);
        for (RiasecArea area : RiasecArea.values()) {
            double[] sum = sums.get(area.letter());
            if (sum != null) {
                scores.put(area.letter(), sum[0] / sum[1]);
                areas.put(area, sum[0] / sum[1]);
            }
        }
        if (areas.size() < RiasecArea.values().length) {
            return new Profile.InterestsProfile(scores, null, null, null, null);
        }
        HollandCode code = HollandCode.of(areas);
        int distance = code.areas().get(0).hexagonDistance(code.areas().get(1));
        String consistency = distance == 1 ? "high" : distance == 2 ? "medium" : "low";
        double highest = areas.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double lowest = areas.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        return new Profile.InterestsProfile(scores, code.letters(), code.tied(), consistency, highest - lowest);
    }

    private static List<Profile.MissingPart> missing(List<Profile.CompetenceAssessment> portfolio,
            Profile.ValuesProfile values, Profile.InterestsProfile interests, List<Profile.Aptitude> aptitudes) {
        List<Profile.MissingPart> missing = new ArrayList<>();
        if (interests == null || interests.hollandCode() == null) {
            List<String> areas = new ArrayList<>();
            for (RiasecArea area : RiasecArea.values()) {
                if (interests == null || !interests.scores().containsKey(area.letter())) {
                    areas.add(area.letter());
                }
            }
            missing.add(new Profile.MissingPart("interests", areas, List.of("riasec-interests")));
        }
        if (values == null || values.scores().size() < WorkValue.values().length) {
            List<String> absent = new ArrayList<>();
            for (WorkValue value : WorkValue.values()) {
                if (values == null || !values.scores().containsKey(value.code())) {
                    absent.add(value.code());
                }
            }
            missing.add(new Profile.MissingPart("values", absent, List.of("work-values")));
        }
        List<String> unassessed = new ArrayList<>();
        for (Competence competence : Competence.values()) {
            if (portfolio.stream().noneMatch(c -> c.competence().equals(competence.id()))) {
                unassessed.add(competence.id());
            }
        }
        if (!unassessed.isEmpty()) {
            missing.add(new Profile.MissingPart("competences", unassessed,
                    List.of("transversal-competences", "career-interview-grid")));
        }
        boolean observed = portfolio.stream().flatMap(c -> c.evidence().stream())
                .anyMatch(e -> e.source() == EvidenceSource.OBSERVATION || e.source() == EvidenceSource.TEST);
        if (!observed) {
            missing.add(new Profile.MissingPart("observed-competences", null,
                    List.of("roleplay-client-conflict", "career-interview-grid", "reasoning-aptitude")));
        }
        if (aptitudes.isEmpty()) {
            missing.add(new Profile.MissingPart("aptitudes", null, List.of("reasoning-aptitude")));
        }
        return missing;
    }
}
