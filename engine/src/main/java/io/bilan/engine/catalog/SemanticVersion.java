package io.bilan.engine.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Orders versions as semver.org says: numerically, a pre-release before its release, build metadata ignored. */
record SemanticVersion(long major, long minor, long patch, List<String> preRelease) implements Comparable<SemanticVersion> {

    private static final Pattern SEMVER = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+.*)?$");

    static SemanticVersion parse(String version) {
        Matcher m = SEMVER.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + version);
        }
        return new SemanticVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")));
    }

    static final Comparator<String> ORDER = Comparator.comparing(SemanticVersion::parse);

    @Override
    public int compareTo(SemanticVersion other) {
        int core = Comparator.comparingLong(SemanticVersion::major).thenComparingLong(SemanticVersion::minor)
                .thenComparingLong(SemanticVersion::patch).compare(this, other);
        if (core != 0) {
            return core;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return Boolean.compare(preRelease.isEmpty(), other.preRelease.isEmpty());
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int c = compareIdentifier(preRelease.get(i), other.preRelease.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
