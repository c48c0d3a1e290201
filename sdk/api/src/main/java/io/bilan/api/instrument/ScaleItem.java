package io.bilan.api.instrument;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One item's contribution to a scale.
 *
 * @param item   the item id
 * @param option for ranking, forced-choice and multiple-choice items: which option's value counts
 *               (a multiple-choice option counts 1 when picked, 0 when not)
 * @param key    {@code 1}, or {@code -1} for a reversed item: the value becomes {@code min + max - value}
 *               with the item's declared bounds
 * @param weight the multiplier of the (possibly reversed) value; positive
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScaleItem(String item, String option, int key, double weight) {

    @JsonCreator
    public ScaleItem(@JsonProperty("item") String item, @JsonProperty("option") String option,
            @JsonProperty("key") Integer key, @JsonProperty("weight") Double weight) {
        this(item, option, key == null ? 1 : key, weight == null ? 1.0 : weight);
    }
}
