package io.bilan.career;

import io.bilan.occupation.WorkingCondition;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the person says of their situation, which career options must respect: the job they hold and those they have
 * held, the options they rule out, the qualification they hold, how long a training they can accept, and the working
 * conditions they want to leave or look for. Every part is optional.
 *
 * @param current           the id of the occupation they hold now; not proposed unless {@code includeExcluded}
 * @param former            ids of occupations they have held: their prerequisites count as met
 * @param ruledOut          ids of occupations they rule out; not proposed unless {@code includeExcluded}
 * @param includeExcluded   propose the current, ruled-out and too-long-to-reach occupations all the same
 * @param qualification     the highest French qualification level they hold, on the nomenclature of 2019: 1 or 2 for
 *                          none (basic skills), 3 (CAP) to 8 (doctorate); {@code null} when unknown
 * @param maxTrainingMonths the longest training they can accept, in months; occupations needing more are left out
 * @param avoid             working conditions they want to leave (count against an option)
 * @param seek              working conditions they look for (count for an option)
 */
public record Situation(String current, List<String> former, List<String> ruledOut, boolean includeExcluded,
        Integer qualification, Integer maxTrainingMonths, Set<WorkingCondition> avoid, Set<WorkingCondition> seek) {

    /** Nothing said: every occupation is proposed and none of the situation's factors apply. */
    public static final Situation NONE = new Situation(null, null, null, false, null, null, null, null);

    /** Copies the lists; empty for none. */
    public Situation {
        former = former == null ? List.of() : List.copyOf(former);
        ruledOut = ruledOut == null ? List.of() : List.copyOf(ruledOut);
        avoid = avoid == null || avoid.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(avoid));
        seek = seek == null || seek.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(seek));
    }

    /** Whether the person holds or has held this occupation. */
    public boolean holds(String occupation) {
        return occupation.equals(current) || former.contains(occupation);
    }
}
