package io.bilan.runtime.source;

/**
 * Bounds on what a package may hold, so a hostile zip (a bomb, thousands of entries) is refused before
 * it costs memory.
 *
 * @param maxArchiveBytes  largest zip file
 * @param maxEntries       most files
 * @param maxExpandedBytes largest total size once unpacked
 * @param maxFileBytes     largest single file once unpacked
 */
public record PackageLimits(long maxArchiveBytes, int maxEntries, long maxExpandedBytes, long maxFileBytes) {

    /** 10 MiB zip, 1,000 files, 50 MiB unpacked, 10 MiB per file. */
    public static PackageLimits defaults() {
        return new PackageLimits(10L << 20, 1_000, 50L << 20, 10L << 20);
    }
}
