package io.bilan.engine.web;

import io.bilan.api.instrument.Item;
import io.bilan.engine.cases.Observations;
import io.bilan.runtime.Instrument;
import io.quarkus.qute.TemplateData;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An observation as the counsellor's pages show it with the fragment {@code observation-summary.html}: while ratings
 * are awaited, where each observer stands; once stored, a table of every observer's rating per criterion, the
 * criteria 2 points or more apart marked in words, and the agreement in a sentence.
 *
 * @param id the observation's id, for the fragment's element ids
 * @param title the grid's title in the page's language
 * @param stored whether the ratings are stored (and so shown)
 * @param statuses each observer and where they stand, in words
 * @param observers the observers, one column each
 * @param rows one row per criterion rated
 * @param agreement the agreement in a sentence
 */
@TemplateData
public record ObservationSummary(String id, String title, boolean stored, List<String> statuses,
        List<String> observers, List<Row> rows, String agreement) {

    /** A criterion: its text, each observer's rating ({@code —} when not rated), the range, and whether apart. */
    @TemplateData
    public record Row(String label, List<String> ratings, String range, boolean apart) {
    }

    /** The summary of {@code observation}, an observation of {@code instrument}, in {@code lang}. */
    public static ObservationSummary of(Observations.ObservationView observation, Instrument instrument, String lang) {
        PageTexts t = PageTexts.of(lang);
        String title = instrument.manifest().title().resolve(lang, "en");
        List<String> statuses = observation.observers().stream()
                .map(observer -> observer.observer() + " : " + t.get("summary.status." + observer.status()))
                .map(text -> lang.equals("fr") ? text : text.replace(" : ", ": ")).toList();
        if (observation.ratings() == null || observation.agreement() == null) {
            return new ObservationSummary(observation.id(), title, false, statuses, List.of(), List.of(), null);
        }
        List<String> observers = observation.observers().stream().map(Observations.ObserverView::observer)
                .filter(observer -> observation.ratings().values().stream().anyMatch(byObserver -> byObserver.containsKey(observer)))
                .toList();
        List<Row> rows = new ArrayList<>();
        for (Item.ObservationCriterion criterion : Observations.criteria(instrument.manifest())) {
            Map<String, Integer> byObserver = observation.ratings().get(criterion.id());
            if (byObserver == null) {
                continue;
            }
            var agreed = observation.agreement().criteria().stream()
                    .filter(one -> one.criterion().equals(criterion.id())).findFirst().orElseThrow();
            rows.add(new Row(criterion.text().resolve(lang, "en"),
                    observers.stream().map(o -> byObserver.containsKey(o) ? String.valueOf(byObserver.get(o)) : "—").toList(),
                    agreed.range() == null ? "—" : String.valueOf(agreed.range()), agreed.apart()));
        }
        var agreement = observation.agreement();
        String sentence;
        if (agreement.pairs() == 0) {
            sentence = t.get("summary.noPairs");
        } else {
            NumberFormat percent = NumberFormat.getPercentInstance(Locale.forLanguageTag(lang));
            sentence = t.format("summary.agreement", percent.format(agreement.exact()),
                    percent.format(agreement.adjacent()), agreement.pairs());
        }
        return new ObservationSummary(observation.id(), title, true, statuses, observers, rows, sentence);
    }
}
