package io.bilan.engine.web.player;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One item as the player shows it, whatever its type: {@code widget} says which control the template draws
 * ({@code radios}, {@code checkboxes}, {@code ranking}, {@code forced}, {@code number}, {@code text}, {@code group}).
 */
@TemplateData
record ItemView(String id, String domId, int number, String widget, String label, boolean required, String hint,
        List<String> problems, List<Choice> choices, String value, String min, String max, String step, String unit,
        Integer maxLength, List<Entry> entries, boolean canAdd, boolean canRemove, int count) {

    /** An option: a radio, a checkbox, a row of a ranking or of a forced choice. */
    @TemplateData
    record Choice(String name, String value, String label, String domId, boolean checked, boolean most, boolean least,
            String rank, List<Rank> ranks) {
    }

    /** A rank a row of a ranking can be given. */
    @TemplateData
    record Rank(String value, boolean selected) {
    }

    /** An entry of a repeating group. */
    @TemplateData
    record Entry(int index, String legend, List<FieldView> fields) {
    }

    /** A field of an entry: {@code kind} is {@code text}, {@code number}, {@code boolean}, {@code choice}, {@code choices}, {@code date} or {@code competences}. */
    @TemplateData
    record FieldView(String name, String domId, String kind, String label, boolean required, String value,
            List<Choice> choices, List<Group> groups, String hint, List<String> problems) {
    }

    /** Options shown together under a heading: the competences of one cluster. */
    @TemplateData
    record Group(String label, List<Choice> choices) {
    }

    public boolean invalid() {
        return !problems.isEmpty();
    }
}
