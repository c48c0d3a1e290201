package io.bilan.engine.web.player;

import com.fasterxml.jackson.databind.JsonNode;
import io.bilan.api.instrument.ChoiceOption;
import io.bilan.api.instrument.Field;
import io.bilan.api.instrument.InstrumentManifest;
import io.bilan.api.instrument.Item;
import io.bilan.api.instrument.LabelledPoint;
import io.bilan.api.instrument.LikertFormat;
import io.bilan.api.instrument.LocalizedText;
import io.bilan.api.vocabulary.Competence;
import io.bilan.engine.web.PageTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Turns the items of any package, the answers given so far and their problems into what the player shows. */
final class ItemViews {

    private ItemViews() {
    }

    /**
     * The items in the package's order. {@code problems} maps an item id to what is wrong with its answer, already in
     * the person's language; {@code extraEntries} adds blank entries to repeating groups (the "add" button).
     */
    static List<ItemView> of(InstrumentManifest manifest, JsonNode answers, Map<String, List<String>> problems,
            Map<String, Integer> entryCounts, String lang, PageTexts t) {
        return of(manifest, manifest.items(), answers, problems, entryCounts, lang, t);
    }

    /** Some of the items only, numbered from 1 in the package's order: the criteria an observer rates. */
    static List<ItemView> of(InstrumentManifest manifest, List<? extends Item> shown, JsonNode answers,
            Map<String, List<String>> problems, Map<String, Integer> entryCounts, String lang, PageTexts t) {
        List<ItemView> views = new ArrayList<>();
        int number = 0;
        for (Item item : shown) {
            number++;
            JsonNode answer = answers.path(item.id());
            List<String> itemProblems = problems.getOrDefault(item.id(), List.of());
            views.add(view(manifest, item, number, answer, itemProblems, entryCounts.get(item.id()), lang, t));
        }
        return views;
    }

    private static ItemView view(InstrumentManifest manifest, Item item, int number, JsonNode answer,
            List<String> problems, Integer entryCount, String lang, PageTexts t) {
        String name = "a:" + item.id();
        String dom = "q-" + item.id();
        String label = text(item.text(), lang);
        boolean required = item.required();
        return switch (item) {
            case Item.Likert likert -> {
                LikertFormat format = manifest.likertFormats().get(likert.format());
                Map<Integer, String> labels = labels(format.labels(), lang);
                List<ItemView.Choice> choices = IntStream.rangeClosed(format.min(), format.max())
                        .mapToObj(point -> radio(name, String.valueOf(point),
                                labels.containsKey(point) ? point + " – " + labels.get(point) : String.valueOf(point),
                                dom, answer)).toList();
                yield radios(item, number, label, required, null, problems, choices);
            }
            case Item.ObservationCriterion criterion -> {
                Map<Integer, String> labels = labels(criterion.anchors(), lang);
                List<ItemView.Choice> choices = IntStream.rangeClosed(criterion.min(), criterion.max())
                        .mapToObj(point -> radio(name, String.valueOf(point),
                                labels.containsKey(point) ? point + " – " + labels.get(point) : String.valueOf(point),
                                dom, answer)).toList();
                yield radios(item, number, label, required, null, problems, choices);
            }
            case Item.SingleChoice choice -> radios(item, number, label, required, null, problems,
                    options(choice.options(), name, dom, answer, lang));
            case Item.Knowledge knowledge -> radios(item, number, label, required, null, problems,
                    options(knowledge.options(), name, dom, answer, lang));
            case Item.MultipleChoice multiple -> {
                int n = multiple.options().size();
                int min = multiple.minPicks() == null ? 0 : multiple.minPicks();
                int max = multiple.maxPicks() == null ? n : multiple.maxPicks();
                String hint = min == max ? t.format("item.picks.exactly", min)
                        : min > 0 && max < n ? t.format("item.picks.between", min, max)
                        : max < n ? t.format("item.picks.atMost", max)
                        : min > 0 ? t.format("item.picks.atLeast", min) : t.get("item.picks.any");
                List<ItemView.Choice> choices = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ChoiceOption option = multiple.options().get(i);
                    choices.add(new ItemView.Choice(name, option.value(), text(option.label(), lang), dom + "-" + i,
                            contains(answer, option.value()), false, false, null, List.of()));
                }
                yield new ItemView(item.id(), dom, number, "checkboxes", label, required, hint, problems, choices, null,
                        null, null, null, null, null, List.of(), false, false, 0);
            }
            case Item.Ranking ranking -> {
                List<ItemView.Choice> rows = new ArrayList<>();
                List<ChoiceOption> options = ranking.options();
                for (int i = 0; i < options.size(); i++) {
                    ChoiceOption option = options.get(i);
                    int rank = indexOf(answer, option.value());
                    String given = rank >= 0 ? String.valueOf(rank + 1) : "";
                    List<ItemView.Rank> ranks = IntStream.rangeClosed(1, options.size())
                            .mapToObj(r -> new ItemView.Rank(String.valueOf(r), given.equals(String.valueOf(r)))).toList();
                    rows.add(new ItemView.Choice(name + ":rank:" + i, option.value(), text(option.label(), lang),
                            dom + "-" + i, rank >= 0, false, false, given, ranks));
                }
                // Shown in the order ranked so far, the unranked after them in the package's order.
                List<ItemView.Choice> ordered = new ArrayList<>(rows);
                ordered.sort(java.util.Comparator.comparingInt(row -> row.rank().isEmpty() ? 1000 + rows.indexOf(row)
                        : Integer.parseInt(row.rank())));
                yield new ItemView(item.id(), dom, number, "ranking", label, required,
                        t.format("item.ranking.hint", options.size()), problems, ordered, null, null,
                        String.valueOf(options.size()), null, null, null, List.of(), false, false, options.size());
            }
            case Item.ForcedChoice forced -> {
                List<ItemView.Choice> rows = new ArrayList<>();
                for (int i = 0; i < forced.options().size(); i++) {
                    ChoiceOption option = forced.options().get(i);
                    rows.add(new ItemView.Choice(name, option.value(), text(option.label(), lang), dom + "-" + i, false,
                            option.value().equals(answer.path("most").asText(null)),
                            option.value().equals(answer.path("least").asText(null)), null, List.of()));
                }
                yield new ItemView(item.id(), dom, number, "forced", label, required, t.get("item.forced.hint"),
                        problems, rows, null, null, null, null, null, null, List.of(), false, false, 0);
            }
            case Item.Numeric numeric -> {
                String hint = numeric.min() != null && numeric.max() != null
                        ? t.format("item.number.between", plain(numeric.min()), plain(numeric.max()))
                        : numeric.min() != null ? t.format("item.number.atLeast", plain(numeric.min()))
                        : numeric.max() != null ? t.format("item.number.atMost", plain(numeric.max())) : null;
                yield new ItemView(item.id(), dom, number, "number", label, required, hint, problems, List.of(),
                        scalar(answer), numeric.min() == null ? null : plain(numeric.min()),
                        numeric.max() == null ? null : plain(numeric.max()), numeric.integer() ? "1" : "any",
                        numeric.unit() == null ? null : text(numeric.unit(), lang), null, List.of(), false, false, 0);
            }
            case Item.FreeText free -> new ItemView(item.id(), dom, number, "text", label, required,
                    t.format("item.text.maxLength", free.maxLength()), problems, List.of(), scalar(answer), null, null,
                    null, null, free.maxLength(), List.of(), false, false, 0);
            case Item.RepeatingGroup group -> {
                int given = answer.isArray() ? answer.size() : 0;
                int count = Math.max(given, entryCount == null ? 0 : entryCount);
                int min = group.minEntries() == null ? 0 : group.minEntries();
                if (count < Math.max(1, min) && count < group.maxEntries()) {
                    count = Math.max(1, min);
                }
                List<ItemView.Entry> entries = new ArrayList<>();
                for (int n = 0; n < count; n++) {
                    JsonNode entry = answer.path(n);
                    List<ItemView.FieldView> fields = new ArrayList<>();
                    for (Field field : group.fields()) {
                        fields.add(field(field, name + ":" + n + ":" + field.id(), dom + "-" + n + "-" + field.id(),
                                entry.path(field.id()), lang, t));
                    }
                    entries.add(new ItemView.Entry(n, t.format("item.group.entry", n + 1), fields));
                }
                String hint = min > 0 ? t.format("item.group.between", min, group.maxEntries())
                        : t.format("item.group.atMost", group.maxEntries());
                yield new ItemView(item.id(), dom, number, "group", label, required, hint, problems, List.of(), null,
                        null, null, null, null, null, entries, count < group.maxEntries(), count > 0, count);
            }
        };
    }

    private static ItemView.FieldView field(Field field, String name, String dom, JsonNode value, String lang, PageTexts t) {
        String label = text(field.label(), lang);
        String kind = field.type().code();
        List<ItemView.Choice> choices = List.of();
        List<ItemView.Group> groups = List.of();
        String hint = null;
        switch (field.type()) {
            case BOOLEAN -> choices = List.of(
                    new ItemView.Choice(name, "true", t.get("item.yes"), dom + "-yes", value.isBoolean() && value.asBoolean(), false, false, null, List.of()),
                    new ItemView.Choice(name, "false", t.get("item.no"), dom + "-no", value.isBoolean() && !value.asBoolean(), false, false, null, List.of()));
            case CHOICE -> choices = options(field.options(), name, dom, value, lang);
            case CHOICES -> {
                List<ItemView.Choice> boxes = new ArrayList<>();
                for (int i = 0; i < field.options().size(); i++) {
                    ChoiceOption option = field.options().get(i);
                    boxes.add(new ItemView.Choice(name, option.value(), text(option.label(), lang), dom + "-" + i,
                            contains(value, option.value()), false, false, null, List.of()));
                }
                choices = boxes;
            }
            case COMPETENCES -> {
                Map<Competence.Cluster, List<ItemView.Choice>> byCluster = new LinkedHashMap<>();
                for (Competence competence : Competence.values()) {
                    byCluster.computeIfAbsent(competence.cluster(), cluster -> new ArrayList<>())
                            .add(new ItemView.Choice(name, competence.id(), competence.label(lang),
                                    dom + "-" + competence.id(), contains(value, competence.id()), false, false, null, List.of()));
                }
                groups = byCluster.entrySet().stream()
                        .map(e -> new ItemView.Group(e.getKey().label(lang), e.getValue())).toList();
                hint = t.get("item.competences.hint");
            }
            case DATE -> hint = t.get("item.date.hint");
            case NUMBER -> hint = field.min() != null && field.max() != null
                    ? t.format("item.number.between", plain(field.min()), plain(field.max())) : null;
            case TEXT -> hint = field.maxLength() == null ? null : t.format("item.text.maxLength", field.maxLength());
        }
        return new ItemView.FieldView(name, dom, kind, label, field.required(), scalar(value), choices, groups, hint,
                List.of());
    }

    private static ItemView radios(Item item, int number, String label, boolean required, String hint,
            List<String> problems, List<ItemView.Choice> choices) {
        return new ItemView(item.id(), "q-" + item.id(), number, "radios", label, required, hint, problems, choices,
                null, null, null, null, null, null, List.of(), false, false, 0);
    }

    private static List<ItemView.Choice> options(List<ChoiceOption> options, String name, String dom, JsonNode answer,
            String lang) {
        List<ItemView.Choice> choices = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            ChoiceOption option = options.get(i);
            choices.add(new ItemView.Choice(name, option.value(), text(option.label(), lang), dom + "-" + i,
                    answer.isValueNode() && option.value().equals(answer.asText()), false, false, null, List.of()));
        }
        return choices;
    }

    private static ItemView.Choice radio(String name, String value, String label, String dom, JsonNode answer) {
        return new ItemView.Choice(name, value, label, dom + "-" + value, answer.isValueNode()
                && value.equals(answer.isNumber() ? plain(answer.asDouble()) : answer.asText()), false, false, null, List.of());
    }

    private static Map<Integer, String> labels(List<LabelledPoint> points, String lang) {
        Map<Integer, String> labels = new LinkedHashMap<>();
        points.forEach(point -> labels.put(point.value(), text(point.label(), lang)));
        return labels;
    }

    private static boolean contains(JsonNode array, String value) {
        return indexOf(array, value) >= 0;
    }

    private static int indexOf(JsonNode array, String value) {
        if (array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                if (value.equals(array.get(i).asText())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return "";
        }
        return value.isNumber() ? plain(value.asDouble()) : value.asText();
    }

    static String plain(double number) {
        return io.bilan.engine.web.ScaleLine.plain(number);
    }

    static String text(LocalizedText text, String lang) {
        return text == null ? "" : text.resolve(lang, "en");
    }
}
