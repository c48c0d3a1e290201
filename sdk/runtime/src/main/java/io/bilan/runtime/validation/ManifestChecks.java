package io.bilan.runtime.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.Bands;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.Field;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LabelledPoint;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.api.instrument.NormTable;
import io.bilan.api.instrument.OutcomeMapping;
import io.bilan.api.instrument.RespondentView;
import io.bilan.api.instrument.Scale;
import io.bilan.api.instrument.ScaleItem;
import io.bilan.api.vocabulary.Competence;
import io.bilan.runtime.problem.ValidationCode;
import io.bilan.runtime.schema.LocalizedTexts;
import io.bilan.runtime.scoring.ScoringPlan;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic rules of a manifest that passed its schema: unique ids, references that resolve, valid
 * keys and ranges, monotonic norms, and every text in every declared language. Each problem points into
 * {@code manifest.json}.
 */
final class ManifestChecks {

    private static final String FILE = "manifest.json";

    private final InstrumentManifest manifest;
    private final ProblemCollector problems;
    private final Map<String, Item> items = new HashMap<>();
    private final Set<String> scaleIds = new HashSet<>();

    ManifestChecks(InstrumentManifest manifest, ProblemCollector problems) {
        this.manifest = manifest;
        this.problems = problems;
    }

    void run(JsonNode document, Set<String> requiredLanguages) {
        checkLanguages(document, requiredLanguages);
        checkFormats();
        checkItems();
        checkScales();
        checkNorms();
        checkOutcomes();
        checkRespondentView();
    }

    /** A declared view that shows scales needs something to show: declarative scales, or a scorer that adds some. */
    private void checkRespondentView() {
        RespondentView view = manifest.respondentView();
        if (view != null && view != RespondentView.COUNSELLOR_ONLY && manifest.scales().isEmpty()
                && manifest.scoring() == null) {
            problems.warning(ValidationCode.RESPONDENT_VIEW_WITHOUT_RESULTS, FILE, "/respondentView",
                    "\"" + view.code() + "\" shows the person their scales, but the package declares no scales nor "
                            + "scoring: they would see nothing; declare scales, or say \"counsellor-only\"");
        }
    }

    private void checkLanguages(JsonNode document, Set<String> requiredLanguages) {
        for (String language : requiredLanguages) {
            if (!manifest.languages().contains(language)) {
                problems.error(ValidationCode.MISSING_LANGUAGE, FILE, "/languages",
                        "the package must be written in \"" + language + "\" too; it declares " + manifest.languages());
            }
        }
        checkTexts(document, "");
    }

    private void checkTexts(JsonNode node, String pointer) {
        if (node.isObject()) {
            if (LocalizedTexts.isText(node)) {
                for (String language : manifest.languages()) {
                    if (!node.has(language)) {
                        problems.error(ValidationCode.MISSING_TRANSLATION, FILE, pointer,
                                "the text has no \"" + language + "\" version, though the package declares it");
                    }
                }
                node.fieldNames().forEachRemaining(language -> {
                    if (!manifest.languages().contains(language)) {
                        problems.warning(ValidationCode.UNDECLARED_LANGUAGE, FILE, pointer + "/" + language,
                                "\"" + language + "\" is not among the declared languages " + manifest.languages());
                    }
                });
                return;
            }
            node.fields().forEachRemaining(field -> checkTexts(field.getValue(), pointer + "/" + escape(field.getKey())));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkTexts(node.get(i), pointer + "/" + i);
            }
        }
    }

    private void checkFormats() {
        manifest.likertFormats().forEach((id, format) -> {
            String pointer = "/likertFormats/" + escape(id);
            if (format.min() >= format.max()) {
                problems.error(ValidationCode.INVALID_RANGE, FILE, pointer, "min " + format.min() + " must be below max " + format.max());
            }
            checkPoints(format.labels(), format.min(), format.max(), pointer + "/labels");
        });
    }

    private void checkPoints(List<LabelledPoint> points, int min, int max, String pointer) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < points.size(); i++) {
            int value = points.get(i).value();
            if (value < min || value > max) {
                problems.error(ValidationCode.LABEL_OUT_OF_RANGE, FILE, pointer + "/" + i + "/value",
                        "point " + value + " is outside " + min + ".." + max);
            }
            if (!seen.add(value)) {
                problems.error(ValidationCode.DUPLICATE_POINT, FILE, pointer + "/" + i + "/value", "point " + value + " is labelled twice");
            }
        }
    }

    private void checkItems() {
        for (int i = 0; i < manifest.items().size(); i++) {
            Item item = manifest.items().get(i);
            String pointer = "/items/" + i;
            if (items.putIfAbsent(item.id(), item) != null) {
                problems.error(ValidationCode.DUPLICATE_ITEM_ID, FILE, pointer + "/id", "item id \"" + item.id() + "\" is used twice");
            }
            checkOptions(item.options(), pointer + "/options");
            switch (item) {
                case Item.Likert likert -> {
                    if (!manifest.likertFormats().containsKey(likert.format())) {
                        problems.error(ValidationCode.UNKNOWN_LIKERT_FORMAT, FILE, pointer + "/format",
                                "no Likert format \"" + likert.format() + "\" under /likertFormats");
                    }
                }
                case Item.MultipleChoice multiple -> {
                    int min = multiple.minPicks() == null ? 0 : multiple.minPicks();
                    int max = multiple.maxPicks() == null ? multiple.options().size() : multiple.maxPicks();
                    if (min > max || max > multiple.options().size()) {
                        problems.error(ValidationCode.INVALID_PICKS, FILE, pointer, "picks must satisfy minPicks <= maxPicks <= "
                                + multiple.options().size() + " options; got " + min + ".." + max);
                    }
                }
                case Item.ForcedChoice forced -> {
                    if (forced.options().size() < 3) {
                        problems.warning(ValidationCode.SMALL_FORCED_CHOICE_BLOCK, FILE, pointer + "/options",
                                "a block of 2 statements makes most and least the same choice; use 3 or more");
                    }
                }
                case Item.Numeric numeric -> {
                    if (numeric.min() != null && numeric.max() != null && numeric.min() >= numeric.max()) {
                        problems.error(ValidationCode.INVALID_RANGE, FILE, pointer, "min must be below max");
                    }
                }
                case Item.ObservationCriterion criterion -> {
                    if (criterion.min() >= criterion.max()) {
                        problems.error(ValidationCode.INVALID_RANGE, FILE, pointer, "min must be below max");
                    }
                    checkPoints(criterion.anchors(), criterion.min(), criterion.max(), pointer + "/anchors");
                }
                case Item.Knowledge knowledge -> checkKnowledge(knowledge, pointer);
                case Item.RepeatingGroup group -> checkGroup(group, pointer);
                default -> {
                }
            }
        }
    }

    private void checkKnowledge(Item.Knowledge knowledge, String pointer) {
        if ((knowledge.correct() == null) == (knowledge.credit() == null)) {
            problems.error(ValidationCode.MISSING_CORRECT_ANSWER, FILE, pointer,
                    "a knowledge item needs either \"correct\" or a \"credit\" map, not both");
            return;
        }
        Set<String> values = values(knowledge.options());
        double points = knowledge.points() == null ? 1.0 : knowledge.points();
        if (knowledge.correct() != null && !values.contains(knowledge.correct())) {
            problems.error(ValidationCode.UNKNOWN_OPTION, FILE, pointer + "/correct",
                    "\"" + knowledge.correct() + "\" is not one of the item's options " + values);
        }
        if (knowledge.credit() != null) {
            knowledge.credit().forEach((option, credit) -> {
                if (!values.contains(option)) {
                    problems.error(ValidationCode.UNKNOWN_OPTION, FILE, pointer + "/credit/" + escape(option),
                            "\"" + option + "\" is not one of the item's options " + values);
                }
                if (credit > points) {
                    problems.error(ValidationCode.CREDIT_OUT_OF_RANGE, FILE, pointer + "/credit/" + escape(option),
                            "credit " + credit + " exceeds the item's " + points + " points");
                }
            });
            if (knowledge.credit().values().stream().noneMatch(credit -> credit == points)) {
                problems.warning(ValidationCode.NO_FULL_CREDIT, FILE, pointer + "/credit",
                        "no option earns the item's full " + points + " points");
            }
        }
    }

    private void checkGroup(Item.RepeatingGroup group, String pointer) {
        if (group.minEntries() != null && group.minEntries() > group.maxEntries()) {
            problems.error(ValidationCode.INVALID_ENTRIES, FILE, pointer, "minEntries must not exceed maxEntries");
        }
        Set<String> ids = new HashSet<>();
        for (int f = 0; f < group.fields().size(); f++) {
            Field field = group.fields().get(f);
            String fieldPointer = pointer + "/fields/" + f;
            if (!ids.add(field.id())) {
                problems.error(ValidationCode.DUPLICATE_FIELD_ID, FILE, fieldPointer + "/id", "field id \"" + field.id() + "\" is used twice");
            }
            boolean choice = field.type() == Field.Type.CHOICE || field.type() == Field.Type.CHOICES;
            if (choice && field.options() == null) {
                problems.error(ValidationCode.MISSING_OPTIONS, FILE, fieldPointer, "a " + field.type().code() + " field needs options");
            }
            if (field.type() == Field.Type.COMPETENCES && field.options() != null) {
                problems.error(ValidationCode.OPTIONS_NOT_ALLOWED, FILE, fieldPointer + "/options",
                        "a competences field takes its options from the built-in competence framework");
            } else if (field.options() != null) {
                checkOptions(field.options(), fieldPointer + "/options");
            }
            if (field.min() != null && field.max() != null && field.min() >= field.max()) {
                problems.error(ValidationCode.INVALID_RANGE, FILE, fieldPointer, "min must be below max");
            }
        }
    }

    private void checkOptions(List<ChoiceOption> options, String pointer) {
        Set<String> seen = new HashSet<>();
        for (int o = 0; o < options.size(); o++) {
            if (!seen.add(options.get(o).value())) {
                problems.error(ValidationCode.DUPLICATE_OPTION_VALUE, FILE, pointer + "/" + o + "/value",
                        "option value \"" + options.get(o).value() + "\" is used twice");
            }
        }
    }

    private void checkScales() {
        for (int s = 0; s < manifest.scales().size(); s++) {
            Scale scale = manifest.scales().get(s);
            String pointer = "/scales/" + s;
            if (!scaleIds.add(scale.id())) {
                problems.error(ValidationCode.DUPLICATE_SCALE_ID, FILE, pointer + "/id", "scale id \"" + scale.id() + "\" is used twice");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < scale.items().size(); i++) {
                ScaleItem ref = scale.items().get(i);
                String refPointer = pointer + "/items/" + i;
                Item item = items.get(ref.item());
                if (item == null) {
                    problems.error(ValidationCode.UNKNOWN_ITEM, FILE, refPointer + "/item", "no item \"" + ref.item() + "\"");
                    continue;
                }
                if (!seen.add(ref.item() + "\u0000" + ref.option())) {
                    problems.error(ValidationCode.DUPLICATE_SCALE_ITEM, FILE, refPointer,
                            "item \"" + ref.item() + "\"" + (ref.option() == null ? "" : " option \"" + ref.option() + "\"")
                                    + " counts twice in this scale");
                }
                ScoringPlan.scaleItemProblem(item, ref, manifest.likertFormats()).ifPresent(code ->
                        problems.error(code, FILE, refPointer, scaleItemMessage(code, item, ref)));
            }
            Integer minAnswered = scale.missing().minAnswered();
            if (minAnswered != null && minAnswered > scale.items().size()) {
                problems.error(ValidationCode.INVALID_MIN_ANSWERED, FILE, pointer + "/missing/minAnswered",
                        "minAnswered " + minAnswered + " exceeds the scale's " + scale.items().size() + " items");
            }
            if (scale.bands() != null) {
                Bands.Metric on = scale.bands().on();
                if (on != Bands.Metric.RAW && on != Bands.Metric.MEAN) {
                    problems.error(ValidationCode.INVALID_BANDS, FILE, pointer + "/bands/on",
                            "a scale's own bands cut its raw score or mean; put bands on " + on.code()
                                    + " in a norm table");
                }
                checkBands(scale.bands(), pointer + "/bands");
            }
        }
    }

    private static String scaleItemMessage(ValidationCode code, Item item, ScaleItem ref) {
        String type = item.getClass().getSimpleName();
        return switch (code) {
            case OPTION_REQUIRED -> "item \"" + item.id() + "\" (" + type + ") counts per option: say which \"option\"";
            case OPTION_NOT_ALLOWED -> "item \"" + item.id() + "\" (" + type + ") has one value; remove \"option\"";
            case UNKNOWN_OPTION -> "item \"" + item.id() + "\" has no option \"" + ref.option() + "\"";
            case UNKNOWN_LIKERT_FORMAT -> "item \"" + item.id() + "\" refers to an unknown Likert format";
            default -> "item \"" + item.id() + "\" (" + type + ") has no numeric value a scale can use"
                    + " (numeric items need min and max; single-choice options need scores)";
        };
    }

    private void checkBands(Bands bands, String pointer) {
        Set<String> ids = new HashSet<>();
        for (int b = 0; b < bands.levels().size(); b++) {
            Bands.Band band = bands.levels().get(b);
            if (!ids.add(band.id())) {
                problems.error(ValidationCode.DUPLICATE_BAND_ID, FILE, pointer + "/levels/" + b + "/id", "band id \"" + band.id() + "\" is used twice");
            }
            if (b > 0 && band.from() <= bands.levels().get(b - 1).from()) {
                problems.error(ValidationCode.BANDS_NOT_INCREASING, FILE, pointer + "/levels/" + b + "/from",
                        "bands must start at increasing values: " + band.from() + " follows "
                                + bands.levels().get(b - 1).from());
            }
        }
    }

    private void checkNorms() {
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < manifest.norms().size(); n++) {
            NormTable table = manifest.norms().get(n);
            String pointer = "/norms/" + n;
            if (!ids.add(table.id())) {
                problems.error(ValidationCode.DUPLICATE_NORM_ID, FILE, pointer + "/id", "norm table id \"" + table.id() + "\" is used twice");
            }
            table.scales().forEach((scaleId, norms) -> {
                String scalePointer = pointer + "/scales/" + escape(scaleId);
                if (!scaleIds.contains(scaleId)) {
                    problems.error(ValidationCode.UNKNOWN_SCALE, FILE, scalePointer, "no scale \"" + scaleId + "\"");
                }
                checkMonotonic(norms.rows(), scalePointer + "/rows");
            });
            if (table.bands() != null) {
                checkBands(table.bands(), pointer + "/bands");
            }
        }
    }

    private void checkMonotonic(List<NormTable.Row> rows, String pointer) {
        for (int r = 1; r < rows.size(); r++) {
            NormTable.Row previous = rows.get(r - 1);
            NormTable.Row row = rows.get(r);
            String rowPointer = pointer + "/" + r;
            if (row.score() <= previous.score()) {
                problems.error(ValidationCode.NORM_NOT_MONOTONIC, FILE, rowPointer + "/score",
                        "scores must increase row by row: " + row.score() + " follows " + previous.score());
            }
            if (row.percentile() < previous.percentile()) {
                problems.error(ValidationCode.NORM_NOT_MONOTONIC, FILE, rowPointer + "/percentile", "percentiles must not decrease");
            }
            if (row.t() < previous.t()) {
                problems.error(ValidationCode.NORM_NOT_MONOTONIC, FILE, rowPointer + "/t", "T-scores must not decrease");
            }
            if (row.stanine() < previous.stanine()) {
                problems.error(ValidationCode.NORM_NOT_MONOTONIC, FILE, rowPointer + "/stanine", "stanines must not decrease");
            }
            if (row.sten() < previous.sten()) {
                problems.error(ValidationCode.NORM_NOT_MONOTONIC, FILE, rowPointer + "/sten", "stens must not decrease");
            }
        }
    }

    private void checkOutcomes() {
        for (int o = 0; o < manifest.outcomes().size(); o++) {
            OutcomeMapping outcome = manifest.outcomes().get(o);
            if (!scaleIds.contains(outcome.scale())) {
                problems.error(ValidationCode.UNKNOWN_SCALE, FILE, "/outcomes/" + o + "/scale", "no scale \"" + outcome.scale() + "\"");
            }
            if (outcome instanceof OutcomeMapping.Competence competence && !Competence.isCitable(competence.competence())) {
                problems.error(ValidationCode.UNKNOWN_COMPETENCE, FILE, "/outcomes/" + o + "/competence", "\"" + competence.competence()
                        + "\" is neither a competence of the built-in framework nor an ESCO skill URI (framework ids: "
                        + java.util.Arrays.stream(Competence.values()).map(Competence::id).toList() + ")");
            }
        }
    }

    private static Set<String> values(List<ChoiceOption> options) {
        Set<String> values = new java.util.LinkedHashSet<>();
        options.forEach(option -> values.add(option.value()));
        return values;
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
