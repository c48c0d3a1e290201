package io.bilan.engine.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Packages whose fixtures passed under a given runtime, read from the file {@code bilan.catalog.fixtures-passed}
 * names: one {@code sha256:<package digest> <runtime identity>} per line (both SHA-256 in hex), {@code #} comments and
 * blank lines allowed. The build writes such a file for the shipped packages from its own first start of the engine,
 * which published them and ran their fixtures. A line that does not read so is reported and left out; an unreadable
 * file counts as empty: without the list, the fixtures run, as they always may.
 */
final class PassedFixtures {

    private static final Logger LOG = Logger.getLogger(PassedFixtures.class);
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern IDENTITY = Pattern.compile("[0-9a-f]{64}");
    static final PassedFixtures NONE = new PassedFixtures(Map.of());

    /** The runtime identity each listed digest passed under. */
    private final Map<String, String> identityByDigest;

    private PassedFixtures(Map<String, String> identityByDigest) {
        this.identityByDigest = identityByDigest;
    }

    static PassedFixtures read(Optional<Path> file) {
        if (file.isEmpty()) {
            return NONE;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file.get());
        } catch (NoSuchFileException e) {
            LOG.warnf("the list of passed fixtures %s does not exist: every package's fixtures run", file.get());
            return NONE;
        } catch (IOException e) {
            LOG.warnf("the list of passed fixtures %s cannot be read (%s): every package's fixtures run", file.get(),
                    e.getMessage());
            return NONE;
        }
        Map<String, String> identities = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2 || !DIGEST.matcher(fields[0]).matches() || !IDENTITY.matcher(fields[1]).matches()) {
                LOG.warnf("%s:%d is not \"sha256:<package digest> <runtime identity>\" (SHA-256 in hex); left out",
                        file.get(), i + 1);
                continue;
            }
            identities.put(fields[0], fields[1]);
        }
        return new PassedFixtures(Map.copyOf(identities));
    }

    /** The identity of the runtime {@code digest}'s fixtures passed under, or null when it is not listed. */
    String passedUnder(String digest) {
        return identityByDigest.get(digest);
    }

    int size() {
        return identityByDigest.size();
    }
}
